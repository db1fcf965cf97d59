import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one HTTP(S) or S3 object from start to end in bounded memory, the way a file is read.
///
/// One GET streams the whole object; when a request fails (a 5xx or 429, a refused, broken or
/// stalled connection, a body cut short), `FetchRetryState` decides whether and when to ask again,
/// and the next request resumes with a Range from the first byte not yet read, so nothing is read
/// twice or lost. After the retries, `read` throws the `RemoteFetchError` (and goes on throwing it).
/// An `s3://` object is read the same way from its URL on the endpoint (`RemoteRequestTarget`),
/// each request signed when it is sent; S3's throttling answer (503 `SlowDown`) is a 503 like any.
/// Not thread-safe: one reader.
public final class RemoteObjectStream {
    public let url: String
    private let settings: RemoteSettings
    private let logger: Logger
    private let pool: HTTPConnectionPool
    private let target: Result<RemoteRequestTarget, RemoteFetchError>
    private var transfer: CurlTransfer?
    private var requestOpen = false
    private var retry: FetchRetryState
    private var attemptStart: UInt64 = 0
    private var failure: RemoteFetchError?
    private var finished = false
    /// Bytes handed to the reader so far: the offset the next request starts from.
    public private(set) var position: UInt64 = 0
    /// Requests sent (the first and every retry).
    public private(set) var requests = 0
    /// The first byte past a bounded range (`init(url:range:…)`); nil: read to the object's end.
    private let end: UInt64?

    public convenience init(url: String, settings: RemoteSettings = .init(), logger: Logger) {
        self.init(url: url, settings: settings, logger: logger, pool: .shared)
    }

    /// Reads only the bytes `range` of the object (bounded Range requests, retried and resumed like
    /// a whole read; a server that ignores ranges is a permanent failure).
    public convenience init(
        url: String, range: Range<UInt64>, settings: RemoteSettings = .init(), logger: Logger
    ) {
        self.init(url: url, settings: settings, logger: logger, pool: .shared, range: range)
    }

    init(
        url: String, settings: RemoteSettings, logger: Logger, pool: HTTPConnectionPool,
        range: Range<UInt64>? = nil, query: [(name: String, value: String)] = []
    ) {
        self.url = url
        target = RemoteRequestTarget.make(url, query: query, settings: settings)
        position = range?.lowerBound ?? 0
        end = range?.upperBound
        self.settings = settings
        self.logger = logger
        self.pool = pool
        self.retry = FetchRetryState(policy: settings.retry)
    }

    deinit {
        close()
    }

    /// Requests sent again after a failure.
    public var retries: Int { retry.retries }

    /// Of the retries, those a server asked for by throttling (429, 503).
    public var throttled: Int { retry.throttled }

    /// Fills the front of `destination` with the next bytes; 0 at the end of the object.
    public func read(into destination: UnsafeMutableRawBufferPointer) throws(RemoteFetchError) -> Int {
        if let failure { throw failure }
        if finished || destination.isEmpty { return 0 }
        if let end, position >= end {
            finished = true
            close()
            return 0
        }
        while true {
            let (transfer, target) = try connection()
            if !requestOpen {
                transfer.start(
                    url: target.url, from: position, through: end.map { $0 - 1 },
                    headers: target.headers(method: "GET"))
                requestOpen = true
                requests += 1
                attemptStart = position
            }
            switch transfer.read(into: destination) {
            case .bytes(let count):
                position += UInt64(count)
                return count
            case .finished(nil):
                finished = true
                close()
                return 0
            case .finished(let problem?):
                requestOpen = false
                let now = ContinuousClock.now
                let decision = retry.failed(
                    problem, url: url, delivered: position - attemptStart, retryAfter: transfer.retryAfter,
                    at: now, unit: Double.random(in: 0..<1))
                switch decision {
                case .retry(let when):
                    logger.warning(
                        "fetch failed, retrying",
                        metadata: [
                            "url": "\(url)", "offset": "\(position)", "reason": "\(problem)",
                            "retry_in_ms": "\((when - now).milliseconds)",
                        ])
                    Self.sleep(until: when)
                case .giveUp(let error):
                    logger.error(
                        "fetch failed",
                        metadata: ["url": "\(url)", "offset": "\(position)", "reason": "\(error)"])
                    failure = error
                    close()
                    throw error
                }
            }
        }
    }

    /// Gives the connection back for reuse; reading again after `close` starts a new request.
    public func close() {
        guard let transfer else { return }
        self.transfer = nil
        requestOpen = false
        pool.checkin(transfer)
    }

    private func connection() throws(RemoteFetchError) -> (CurlTransfer, RemoteRequestTarget) {
        let target: RemoteRequestTarget
        switch self.target {
        case .success(let made): target = made
        case .failure(let error):
            failure = error
            throw error
        }
        if let transfer { return (transfer, target) }
        guard let made = pool.checkout(origin: target.origin, settings: settings) else {
            let error = RemoteFetchError(
                url: url, failure: .permanent("libcurl could not start"), attempts: 0)
            failure = error
            throw error
        }
        transfer = made
        return (made, target)
    }

    private static func sleep(until instant: ContinuousClock.Instant) {
        let wait = instant - ContinuousClock.now
        guard wait > .zero else { return }
        let (seconds, attoseconds) = wait.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
