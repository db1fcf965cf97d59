/// What to do with a job whose attempt failed (lease expired, worker died, job error).
public struct RetryPolicy: Sendable, Equatable {
    /// What the policy decided.
    public enum Decision: Sendable, Equatable {
        /// Run it again as this attempt number.
        case retry(attempt: Int)
        /// Stop: every attempt failed; its articles go to dead-letter.
        case giveUp(attempts: Int)
    }

    public var maxAttempts: Int

    public init(maxAttempts: Int = 3) {
        self.maxAttempts = max(1, maxAttempts)
    }

    /// The decision after attempt number `failedAttempt` (1-based) failed.
    public func afterFailure(ofAttempt failedAttempt: Int) -> Decision {
        failedAttempt >= maxAttempts ? .giveUp(attempts: failedAttempt) : .retry(attempt: failedAttempt + 1)
    }
}
