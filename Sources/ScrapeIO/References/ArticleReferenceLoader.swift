#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a referenced payload could not become an article body; the text goes to the dead-letter row.
public struct ArticleReferenceError: Error, Equatable, Sendable {
    public var reason: String
}

/// Reads the bodies of `ArticleReference`s: one `pread` of the payload, then the same decoding a
/// reader applies to payloads it reads itself (HTTP header block, chunking, gzip/deflate).
///
/// Keeps the last few input files open, since consecutive references mostly point into the same
/// file. Not thread-safe: one per thread.
public final class ArticleReferenceLoader {
    /// Open files kept at most; inputs are read mostly in order, so a few suffice.
    static let openFilesKept = 4

    /// Room for a WARC header block on top of a payload of `maxRecordBytes`.
    static let headerAllowance = 1 << 20

    private let maxRecordBytes: Int
    /// Canonical directories (ending in `/`) referenced files must lie in; nil: anywhere.
    private let allowedRoots: [String]?
    private let inflater = WholeGzipMemberInflater()
    private var open: [(path: String, descriptor: Int32)] = []

    /// A loader that reads regular files inside `allowedRoots` only (nil: any file; an empty list
    /// refuses every reference). Roots are resolved once (symbolic links, `..`); a root that does
    /// not exist admits nothing.
    public init(maxRecordBytes: Int = ReaderSettings().maxRecordBytes, allowedRoots: [String]? = nil) {
        self.maxRecordBytes = maxRecordBytes
        self.allowedRoots = allowedRoots?.compactMap { root in
            Self.canonicalPath(root).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        }
    }

    deinit {
        for file in open { _ = close(file.descriptor) }
    }

    /// `item` with a reference replaced by the article it points to (or by a failure saying why it
    /// could not be read); other items unchanged.
    public func resolve(_ item: ScrapeItem) -> ScrapeItem {
        guard case .reference(let reference) = item else { return item }
        return Self.item(reference, body(of: reference.payload))
    }

    /// `item` resolved like `resolve(_:)`, its stored bytes given (`stored`, exactly its payload).
    public func resolve(_ item: ScrapeItem, stored: [UInt8]) -> ScrapeItem {
        guard case .reference(let reference) = item else { return item }
        return Self.item(reference, body(of: reference.payload, stored: stored))
    }

    /// The article of `reference` with `body`, or its failure.
    private static func item(
        _ reference: ArticleReference, _ body: Result<[UInt8], ArticleReferenceError>
    ) -> ScrapeItem {
        switch body {
        case .success(let body):
            var article = reference.article
            article.body = body
            return .article(article)
        case .failure(let error):
            return .failure(ReadFailure(source: reference.article.source, reason: error.reason))
        }
    }

    /// The decoded article body of `payload`.
    public func body(of payload: StoredPayload) -> Result<[UInt8], ArticleReferenceError> {
        guard payload.length >= 0, payload.length <= maxRecordBytes + Self.headerAllowance else {
            return .failure(
                .init(reason: "referenced payload of \(payload.length) bytes exceeds maxRecordBytes"))
        }
        // The range must end inside a file offset (off_t), or the offset arithmetic would trap.
        guard payload.offset <= UInt64(Int64.max) - UInt64(payload.length) else {
            return .failure(.init(reason: "referenced range ends past the largest file offset"))
        }
        let descriptor: Int32
        switch openFile(payload.file) {
        case .success(let opened): descriptor = opened
        case .failure(let error): return .failure(error)
        }
        let stored: [UInt8]
        switch Self.read(descriptor, offset: payload.offset, count: payload.length) {
        case .success(let bytes): stored = bytes
        case .failure(let error): return .failure(.init(reason: "\(payload.file): \(error.reason)"))
        }
        return body(of: payload, stored: stored)
    }

    /// The decoded article body of `payload`, whose stored bytes are `stored` (fetched already).
    public func body(of payload: StoredPayload, stored: [UInt8]) -> Result<[UInt8], ArticleReferenceError> {
        guard payload.isGzipMember == true else {
            return stored.withUnsafeBytes { decode($0, isHTTP: payload.isHTTP) }
        }
        return stored.withUnsafeBytes { member in
            switch inflater.decodeExactMember(member, maxOutput: maxRecordBytes + Self.headerAllowance) {
            case .success(let record):
                return record.withUnsafeBytes { bytes in
                    guard let range = WarcRecordHead(of: bytes)?.block(in: bytes) else {
                        return .failure(
                            .init(reason: "WARC record does not end where its Content-Length says"))
                    }
                    return decode(UnsafeRawBufferPointer(rebasing: bytes[range]), isHTTP: payload.isHTTP)
                }
            case .failure(let error):
                return .failure(error)
            }
        }
    }

    private func decode(_ raw: UnsafeRawBufferPointer, isHTTP: Bool) -> Result<[UInt8], ArticleReferenceError>
    {
        var http: HTTPResponsePayload?
        if isHTTP {
            guard let response = HTTPResponsePayload(head: raw) else {
                return .failure(.init(reason: "malformed HTTP response in WARC response record"))
            }
            http = response
        }
        switch WarcPayloadConverter.body(of: raw, http: http, limit: maxRecordBytes) {
        case .success(let body) where body.isEmpty:
            return .failure(.init(reason: "empty body after decoding"))
        case .success(let body):
            return .success(body)
        case .failure(.tooLarge):
            return .failure(.init(reason: "decoded body exceeds maxRecordBytes (limit \(maxRecordBytes))"))
        case .failure(.reason(let reason)):
            return .failure(.init(reason: reason))
        }
    }

    /// Why this loader would refuse to read `path` (outside the allowed roots), or nil (also when
    /// it does not exist: opening it then says so).
    public func refusal(of path: String) -> ArticleReferenceError? {
        guard let allowedRoots else { return nil }
        let outside = ArticleReferenceError(
            reason: "referenced input \(path) is outside the allowed input roots")
        guard path.hasPrefix("/") else { return outside }
        guard let resolved = Self.canonicalPath(path) else { return nil }
        return allowedRoots.contains { resolved.hasPrefix($0) } ? nil : outside
    }

    private func openFile(_ path: String) -> Result<Int32, ArticleReferenceError> {
        if let index = open.firstIndex(where: { $0.path == path }) { return .success(open[index].descriptor) }
        var target = path
        if let allowedRoots {
            guard path.hasPrefix("/"), let resolved = Self.canonicalPath(path),
                allowedRoots.contains(where: { resolved.hasPrefix($0) })
            else {
                return .failure(.init(reason: "referenced input \(path) is outside the allowed input roots"))
            }
            target = resolved
        }
        #if canImport(Glibc)
            let descriptor = Glibc.open(target, O_RDONLY | O_CLOEXEC)
        #else
            let descriptor = Darwin.open(target, O_RDONLY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else {
            let reason = SystemErrorReason(errno: errno).text
            return .failure(.init(reason: "cannot open referenced input \(path): \(reason)"))
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            _ = close(descriptor)
            return .failure(.init(reason: "referenced input \(path) is not a regular file"))
        }
        if open.count >= Self.openFilesKept { _ = close(open.removeFirst().descriptor) }
        open.append((path, descriptor))
        return .success(descriptor)
    }

    /// The absolute path with symbolic links, `.` and `..` resolved, or nil when it does not exist.
    static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Exactly `count` bytes at `offset`, or why not (a short file means it changed since it was read).
    private static func read(
        _ descriptor: Int32, offset: UInt64, count: Int
    ) -> Result<[UInt8], ArticleReferenceError> {
        var failure: ArticleReferenceError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let got = pread(
                    descriptor, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if got > 0 {
                    done += got
                } else if got < 0, errno == EINTR {
                    continue
                } else {
                    failure = .init(
                        reason: got == 0
                            ? "file ends \(count - done) bytes before the referenced payload does (changed since it was read?)"
                            : "read error: \(SystemErrorReason(errno: errno).text)")
                    break
                }
            }
            initialized = done
        }
        if let failure { return .failure(failure) }
        return .success(bytes)
    }
}
