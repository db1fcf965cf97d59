/// A remote object that could not be read (further): what went wrong, after how many requests.
public struct RemoteFetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var failure: FetchFailure
    /// Requests in a row that failed before giving up.
    public var attempts: Int

    public init(url: String, failure: FetchFailure, attempts: Int) {
        self.url = url
        self.failure = failure
        self.attempts = attempts
    }

    /// e.g. `fetch failed after 6 attempts: http status 503`.
    public var description: String {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        return "fetch failed after \(tries): \(failure)"
    }
}
