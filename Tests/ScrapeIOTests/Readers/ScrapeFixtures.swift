import ArticlePipeline
import CZlib
import CZstd
import Foundation
import Logging
import ScrapeIO

/// Builders for scrape inputs (WARC records, HTTP responses, gzip members, zstd frames) and a temp
/// folder per test, so fixtures are made in code and every byte is known.
enum ScrapeFixtures {
    static let quietLogger = Logger(label: "scrapeio-tests") { _ in SwiftLogNoOpLogHandler() }

    /// A fresh, empty temporary folder.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "scrapeio-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @discardableResult
    static func write(_ bytes: [UInt8], to path: String) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// One WARC record: version line, headers, blank line, payload, and the CRLF CRLF separator.
    static func warcRecord(
        type: String, uri: String? = nil, date: String? = "2024-05-01T10:00:00Z",
        contentType: String? = nil, payload: [UInt8], version: String = "1.1"
    ) -> [UInt8] {
        var header = "WARC/\(version)\r\nWARC-Type: \(type)\r\n"
        header += "WARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        if let date { header += "WARC-Date: \(date)\r\n" }
        if let contentType { header += "Content-Type: \(contentType)\r\n" }
        header += "Content-Length: \(payload.count)\r\n\r\n"
        return Array(header.utf8) + payload + Array("\r\n\r\n".utf8)
    }

    /// An HTTP/1.1 response as a WARC `response` payload.
    static func httpResponse(status: Int = 200, headers: [(String, String)] = [], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(status == 200 ? "OK" : "Other")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    /// A `response` record for an HTML page at `uri`.
    static func htmlResponse(
        uri: String, html: String, status: Int = 200, contentType: String = "text/html; charset=utf-8"
    ) -> [UInt8] {
        let http = httpResponse(
            status: status, headers: [("Content-Type", contentType)], body: Array(html.utf8))
        return warcRecord(
            type: "response", uri: uri, contentType: "application/http; msgtype=response", payload: http)
    }

    /// `bytes` as one gzip member (RFC 1952), made with zlib's deflate.
    static func gzipMember(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(
            &stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
            Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }

    /// `bytes` as one zstd frame.
    static func zstdFrame(_ bytes: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let size = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { ZSTD_compress(out.baseAddress, out.count, $0.baseAddress, $0.count, 3) }
        }
        precondition(ZSTD_isError(size) == 0)
        return Array(output[0..<size])
    }

    /// Reads every item of `inputs` and returns them with the final stats.
    static func readAll(
        _ inputs: [String], settings: ReaderSettings = .init(), standardInput: Int32? = nil
    ) -> (items: [ScrapeItem], stats: ReaderStats) {
        let reader =
            standardInput.map {
                ScrapeInputReader(inputs: inputs, settings: settings, logger: quietLogger, standardInput: $0)
            } ?? ScrapeInputReader(inputs: inputs, settings: settings, logger: quietLogger)
        var items: [ScrapeItem] = []
        while let item = reader.next() { items.append(item) }
        return (items, reader.stats)
    }
}

extension ScrapeItem {
    var article: RawArticle? {
        if case .article(let article) = self { return article }
        return nil
    }

    var failure: ReadFailure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }

    /// The body as text, for assertions.
    var bodyText: String? {
        article.map { String(decoding: $0.body, as: UTF8.self) }
    }
}
