#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The HTTP response stored in a WARC `response` record: status line, headers, and where the body starts.
///
/// The head is parsed first so that records we skip (non-2xx, images) never have their bodies
/// de-chunked or inflated.
struct HTTPResponsePayload {
    var status: Int
    /// The `Content-Type` header as sent, with parameters.
    var contentType: String?
    var chunked: Bool
    /// Lower-cased `Content-Encoding`, `nil` for none or identity.
    var contentEncoding: String?
    /// Index in the payload of the first body byte.
    var bodyStart: Int

    /// Parses the status line and headers; nil when the payload does not start like an HTTP response.
    init?(head payload: UnsafeRawBufferPointer) {
        guard payload.count >= 12, payload.starts(with: "HTTP/".utf8) else { return nil }
        // The header block ends at the first blank line, CRLF or bare LF, whichever comes first.
        let blockEnd: Int
        let crlf = ByteSearch.firstIndex(of: "\r\n\r\n", in: payload)
        let lf = ByteSearch.firstIndex(of: "\n\n", in: payload)
        if let crlf, lf.map({ crlf < $0 }) ?? true {
            (blockEnd, bodyStart) = (crlf, crlf + 4)
        } else if let lf {
            (blockEnd, bodyStart) = (lf, lf + 2)
        } else {
            // A response with headers only (no blank line before the record ends): an empty body.
            (blockEnd, bodyStart) = (payload.count, payload.count)
        }
        let fields = HeaderFields(block: UnsafeRawBufferPointer(rebasing: payload[..<blockEnd]))
        let parts = fields.firstLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let code = Int(parts[1]), (100...999).contains(code) else { return nil }
        status = code
        contentType = fields["content-type"]
        chunked = fields["transfer-encoding"]?.lowercased().contains("chunked") ?? false
        let encoding = fields["content-encoding"]?.lowercased() ?? ""
        contentEncoding = encoding.isEmpty || encoding == "identity" ? nil : encoding
    }

    /// Whether `head` holds the whole status line and header block (it contains the blank line).
    static func headIsComplete(_ head: UnsafeRawBufferPointer) -> Bool {
        ByteSearch.firstIndex(of: "\r\n\r\n", in: head) != nil
            || ByteSearch.firstIndex(of: "\n\n", in: head) != nil
    }

    /// The entity body with chunking and gzip/deflate undone, at most `limit` bytes.
    ///
    /// Lenient where crawlers are sloppy: a body labelled chunked that does not parse as chunks, or
    /// labelled gzip without the gzip magic, was most likely stored already decoded and is kept as is.
    func body(of payload: UnsafeRawBufferPointer, limit: Int) -> Result<[UInt8], WarcPayloadFailure> {
        let raw = UnsafeRawBufferPointer(rebasing: payload[bodyStart...])
        if chunked, let joined = Self.dechunk(raw) {
            return joined.withUnsafeBytes { decoded($0, limit: limit) }
        }
        return decoded(raw, limit: limit)
    }

    private func decoded(_ raw: UnsafeRawBufferPointer, limit: Int) -> Result<[UInt8], WarcPayloadFailure> {
        let looksGzip = raw.starts(with: [0x1f, 0x8b])
        switch contentEncoding {
        case nil:
            return raw.count > limit ? .failure(.tooLarge) : .success(Array(raw))
        case "gzip"?, "x-gzip"?, "deflate"?:
            if contentEncoding != "deflate", !looksGzip {
                return raw.count > limit ? .failure(.tooLarge) : .success(Array(raw))
            }
            switch HTTPBodyInflater.inflate(raw, limit: limit) {
            case .success(let bytes): return .success(bytes)
            case .failure(.tooLarge): return .failure(.tooLarge)
            case .failure(.corrupt(let message)):
                return .failure(.reason("corrupt \(contentEncoding ?? "") body: \(message)"))
            }
        case let other?:
            return .failure(.reason("unsupported Content-Encoding \(other)"))
        }
    }

    /// Joins the chunks of a `Transfer-Encoding: chunked` body; nil when it is not valid chunking.
    static func dechunk(_ body: UnsafeRawBufferPointer) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(body.count)
        var index = 0
        while true {
            guard let lineEnd = ByteSearch.firstIndex(of: "\n", in: body, from: index) else { return nil }
            var size = 0
            var digits = 0
            var cursor = index
            while cursor < lineEnd, let digit = Self.hexValue(body[cursor]) {
                size = size &* 16 &+ digit
                digits += 1
                cursor += 1
                if digits > 12 { return nil }
            }
            guard digits > 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return output }
            guard index + size <= body.count else { return nil }
            output.append(contentsOf: UnsafeRawBufferPointer(rebasing: body[index..<(index + size)]))
            index += size
            if index < body.count, body[index] == 0x0d { index += 1 }
            if index < body.count, body[index] == 0x0a { index += 1 }
        }
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x61...0x66: return Int(byte - 0x61 + 10)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        default: return nil
        }
    }
}

/// Why a WARC payload could not become an article.
enum WarcPayloadFailure: Error, Equatable {
    case tooLarge
    case reason(String)
}
