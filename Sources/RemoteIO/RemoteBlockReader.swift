import Logging

/// Random access to an HTTP(S) object of known size in blocks, each fetched with one bounded
/// Range request and kept in a small cache: a reader that looks at a stretch several times (a gzip
/// member's head, then the member whole) fetches it once. For split jobs of remote files.
/// Not thread-safe: one reader.
public final class RemoteBlockReader {
    /// Bytes per block: large enough that requests are few, small enough that the tail read past a
    /// split's end stays small.
    public static let defaultBlockBytes = 1 << 20
    /// Blocks kept.
    static let cachedBlocks = 8

    public let url: String
    public let size: UInt64
    private let blockBytes: Int
    private let settings: RemoteSettings
    private let logger: Logger
    private var cache: [(start: UInt64, bytes: [UInt8])] = []
    /// Why a block could not be fetched (reading then ends there).
    public private(set) var error: RemoteFetchError?
    /// Bytes fetched and requests sent.
    public private(set) var bytesFetched: UInt64 = 0
    public private(set) var requests = 0
    /// Of the requests, those sent again after a failure, and those a server asked for (429, 503).
    public private(set) var retries = 0
    public private(set) var throttled = 0

    public init(
        url: String, size: UInt64, blockBytes: Int = defaultBlockBytes, settings: RemoteSettings = .init(),
        logger: Logger
    ) {
        self.url = url
        self.size = size
        self.blockBytes = max(4 << 10, blockBytes)
        self.settings = settings
        self.logger = logger
    }

    /// Copies up to `destination.count` bytes at `offset`; the count copied (0 at the end or after a
    /// failed fetch).
    public func read(at offset: UInt64, into destination: UnsafeMutableRawBufferPointer) -> Int {
        var done = 0
        while done < destination.count, offset + UInt64(done) < size {
            let position = offset + UInt64(done)
            guard let block = block(containing: position) else { break }
            let from = Int(position - block.start)
            let count = min(destination.count - done, block.bytes.count - from)
            guard count > 0 else { break }
            block.bytes.withUnsafeBytes {
                (destination.baseAddress! + done).copyMemory(from: $0.baseAddress! + from, byteCount: count)
            }
            done += count
        }
        return done
    }

    private func block(containing position: UInt64) -> (start: UInt64, bytes: [UInt8])? {
        if let index = cache.firstIndex(where: {
            position >= $0.start && position - $0.start < UInt64($0.bytes.count)
        }) {
            return cache[index]
        }
        // A block starts where it is first needed: a split's reader starts at its range's start,
        // so nothing before it is fetched.
        let start = position
        guard error == nil else { return nil }
        let end = min(size, start + UInt64(blockBytes))
        let stream = RemoteObjectStream(url: url, range: start..<end, settings: settings, logger: logger)
        defer { stream.close() }
        var bytes = [UInt8](repeating: 0, count: Int(end - start))
        var filled = 0
        while filled < bytes.count {
            let outcome = bytes.withUnsafeMutableBytes { buffer -> Result<Int, RemoteFetchError> in
                do throws(RemoteFetchError) {
                    return .success(
                        try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...])))
                } catch {
                    return .failure(error)
                }
            }
            guard case .success(let count) = outcome else {
                if case .failure(let failure) = outcome { error = failure }
                break
            }
            guard count > 0 else { break }
            filled += count
        }
        requests += stream.requests
        retries += stream.retries
        throttled += stream.throttled
        bytesFetched += UInt64(filled)
        guard error == nil, filled == bytes.count else {
            if error == nil {
                error = RemoteFetchError(
                    url: url, failure: .connection("the object ends before its announced size"),
                    attempts: stream.requests)
            }
            return nil
        }
        if cache.count >= Self.cachedBlocks { cache.removeFirst() }
        cache.append((start, bytes))
        return cache.last
    }
}
