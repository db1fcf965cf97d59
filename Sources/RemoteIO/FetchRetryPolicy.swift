/// How a failed request is retried: exponential backoff with jitter, a cap, and a number of tries.
///
/// The n-th retry in a row waits `baseDelay · 2^(n-1)`, capped at `maxDelay`, then shortened by a
/// random share of up to `jitter` (so clients that failed together do not return together). A
/// server's `Retry-After` is honoured up to `maxRetryAfter`. An attempt that delivered at least
/// `progressBytes` before failing starts the count again: a long download over a link that drops
/// now and then goes on, a server that fails every request does not.
public struct FetchRetryPolicy: Sendable, Equatable {
    /// Requests in a row that may fail before the fetch gives up (the first request counts).
    public var maxAttempts = 6
    public var baseDelay: Duration = .milliseconds(250)
    public var maxDelay: Duration = .seconds(10)
    /// The largest share (0…1) of a delay taken off at random.
    public var jitter = 0.5
    public var maxRetryAfter: Duration = .seconds(60)
    public var progressBytes: UInt64 = 1 << 20

    public init() {}

    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, jitter: Double = 0.5) {
        self.maxAttempts = maxAttempts
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// The wait before retry number `retry` (1 for the first) with `unit` in 0..<1 as the random draw.
    public func delay(beforeRetry retry: Int, unit: Double) -> Duration {
        var delay = baseDelay
        var step = 1
        while step < retry, delay < maxDelay {
            delay *= 2
            step += 1
        }
        if delay > maxDelay { delay = maxDelay }
        let share = min(max(jitter, 0), 1) * min(max(unit, 0), 1)
        return delay * (1 - share)
    }
}
