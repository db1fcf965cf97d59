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
    private let inflater = WholeGzipMemberInflater()
    private var open: [(path: String, descriptor: Int32)] = []

    public init(maxRecordBytes: Int = ReaderSettings().maxRecordBytes) {
        self.maxRecordBytes = maxRecordBytes
    }

    deinit {
        for file in open { _ = close(file.descriptor) }
    }

    /// `item` with a reference replaced by the article it points to (or by a failure saying why it
    /// could not be read); other items unchanged.
    public func resolve(_ item: ScrapeItem) -> ScrapeItem {
        guard case .reference(let reference) = item else { return item }
        switch body(of: reference.payload) {
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
        guard payload.isGzipMember == true else {
            return stored.withUnsafeBytes { decode($0, isHTTP: payload.isHTTP) }
        }
        return stored.withUnsafeBytes { member in
            switch recordPayload(ofMember: member) {
            case .success(let record):
                return record.withUnsafeBytes { bytes in
                    guard let range = Self.payloadRange(inRecord: bytes) else {
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

    /// The decoded WARC record of a gzip member that must take exactly the bytes given.
    private func recordPayload(
        ofMember member: UnsafeRawBufferPointer
    ) -> Result<[UInt8], ArticleReferenceError> {
        guard member.count >= 18 else { return .failure(.init(reason: "gzip member too short")) }
        let trailer = member.count - 4
        let isize =
            Int(member[trailer]) | Int(member[trailer + 1]) << 8 | Int(member[trailer + 2]) << 16
            | Int(member[trailer + 3]) << 24
        guard isize <= maxRecordBytes + Self.headerAllowance else {
            return .failure(.init(reason: "gzip member of \(isize) decoded bytes exceeds maxRecordBytes"))
        }
        var record = [UInt8](repeating: 0, count: max(isize, 1))
        let outcome = record.withUnsafeMutableBytes { inflater.decodeFirstMember(of: member, into: $0) }
        if outcome == .undecidable, let reason = GzipHeadInflater().failure(of: member) {
            // libdeflate cannot say why; zlib gives the reason the stream reader would.
            return .failure(.init(reason: reason))
        }
        guard case .decoded(let consumed, let produced) = outcome, consumed == member.count, produced == isize
        else {
            return .failure(
                .init(
                    reason:
                        "gzip member does not decode to one whole WARC record (corrupt or changed since it was read)"
                ))
        }
        return .success(record)
    }

    /// The payload of the WARC record in `record`; nil unless only CR/LF bytes follow it.
    private static func payloadRange(inRecord record: UnsafeRawBufferPointer) -> Range<Int>? {
        let crlf = ByteSearch.firstIndex(of: "\r\n\r\n", in: record).map { $0 + 4 }
        let lf = ByteSearch.firstIndex(of: "\n\n", in: record).map { $0 + 2 }
        guard let headerLength = [crlf, lf].compactMap({ $0 }).min() else { return nil }
        let fields = HeaderFields(block: UnsafeRawBufferPointer(rebasing: record[..<headerLength]))
        guard let text = fields["content-length"], let length = Int(text), length >= 0,
            headerLength + length <= record.count,
            record[(headerLength + length)...].allSatisfy({ $0 == 0x0d || $0 == 0x0a })
        else { return nil }
        return headerLength..<(headerLength + length)
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

    private func openFile(_ path: String) -> Result<Int32, ArticleReferenceError> {
        if let index = open.firstIndex(where: { $0.path == path }) { return .success(open[index].descriptor) }
        #if canImport(Glibc)
            let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        #else
            let descriptor = Darwin.open(path, O_RDONLY | O_CLOEXEC)
        #endif
        guard descriptor >= 0 else {
            let reason = SystemErrorReason(errno: errno).text
            return .failure(.init(reason: "cannot open referenced input \(path): \(reason)"))
        }
        if open.count >= Self.openFilesKept { _ = close(open.removeFirst().descriptor) }
        open.append((path, descriptor))
        return .success(descriptor)
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
