import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The size of an HTTP(S) or S3 object, from a HEAD request: what the coordinator needs to cut a remote
/// file into split jobs without reading it.
public enum RemoteObjectSize {
    /// The object's size; retried like a read (connection problems, 5xx, 429) up to
    /// `settings.retry.maxAttempts` times, 250 ms doubling between attempts.
    public static func fetch(
        url: String, settings: RemoteSettings = .init(), logger: Logger
    ) throws(RemoteFetchError) -> UInt64 {
        let pool = HTTPConnectionPool.shared
        let target: RemoteRequestTarget
        switch RemoteRequestTarget.make(url, settings: settings) {
        case .success(let made): target = made
        case .failure(let error): throw error
        }
        var attempt = 0
        var wait: UInt32 = 250_000
        while true {
            attempt += 1
            guard let transfer = pool.checkout(origin: target.origin, settings: settings)
            else {
                throw RemoteFetchError(
                    url: url, failure: .permanent("libcurl could not start"), attempts: attempt)
            }
            transfer.startHead(url: target.url, headers: target.headers(method: "HEAD"))
            var scratch = [UInt8](repeating: 0, count: 512)
            var problem: FetchFailure?
            reading: while true {
                switch scratch.withUnsafeMutableBytes({ transfer.read(into: $0) }) {
                case .bytes: continue
                case .finished(let failure):
                    problem = failure
                    break reading
                }
            }
            let size = transfer.contentLength
            pool.checkin(transfer)
            if problem == nil, let size { return size }
            let failure = problem ?? .permanent("the server announced no Content-Length")
            guard failure.isRetryable, attempt < settings.retry.maxAttempts else {
                throw RemoteFetchError(url: url, failure: failure, attempts: attempt)
            }
            logger.warning(
                "size request failed, retrying", metadata: ["url": "\(url)", "reason": "\(failure)"])
            usleep(wait)
            wait = min(wait * 2, 10_000_000)
        }
    }
}
