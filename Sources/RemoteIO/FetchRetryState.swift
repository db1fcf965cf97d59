/// The retry state of one object being fetched: a pure state machine fed the outcome of each
/// request and the time, returning what to do next. It reads no clock and draws no random number
/// itself, so tests drive it with hand-made instants and draws.
public struct FetchRetryState: Sendable {
    /// What to do after a failed request.
    public enum Decision: Sendable, Equatable {
        /// Send the request again (from where the data stopped) at this instant.
        case retry(at: ContinuousClock.Instant)
        /// Stop: the object cannot be read past where it stopped.
        case giveUp(RemoteFetchError)
    }

    public let policy: FetchRetryPolicy
    /// Requests that failed since the last one that made progress.
    public private(set) var failuresInRow = 0
    /// Requests sent again over the whole fetch.
    public private(set) var retries = 0
    /// Of those, the ones a server asked for by throttling (429, 503).
    public private(set) var throttled = 0

    public init(policy: FetchRetryPolicy) {
        self.policy = policy
    }

    /// A request for `url` failed with `failure` after delivering `delivered` bytes; `retryAfter`
    /// is the wait the server asked for, `unit` a random draw in 0..<1.
    public mutating func failed(
        _ failure: FetchFailure, url: String, delivered: UInt64, retryAfter: Duration? = nil,
        at now: ContinuousClock.Instant, unit: Double
    ) -> Decision {
        if delivered >= policy.progressBytes { failuresInRow = 0 }
        failuresInRow += 1
        guard failure.isRetryable else {
            return .giveUp(RemoteFetchError(url: url, failure: failure, attempts: failuresInRow))
        }
        guard failuresInRow < policy.maxAttempts else {
            return .giveUp(RemoteFetchError(url: url, failure: failure, attempts: failuresInRow))
        }
        retries += 1
        if case .httpStatus(let code) = failure, code == 429 || code == 503 { throttled += 1 }
        var delay = policy.delay(beforeRetry: failuresInRow, unit: unit)
        if let retryAfter, retryAfter > delay { delay = min(retryAfter, policy.maxRetryAfter) }
        return .retry(at: now + delay)
    }
}
