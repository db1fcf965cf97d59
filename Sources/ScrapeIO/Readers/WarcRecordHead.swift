/// The header block at the front of a WARC record held in memory (a decoded gzip member, the
/// start of one): what the readers of members and of references need to find the record's block.
struct WarcRecordHead {
    var fields: HeaderFields
    /// Bytes of the version line, the fields and the blank line.
    var length: Int
    /// The block's Content-Length.
    var contentLength: Int
    /// The lower-cased WARC-Type, empty when missing.
    var type: String

    /// Where a header block in `bytes` ends: just after its first blank line, CRLF or bare LF.
    static func end(in bytes: UnsafeRawBufferPointer) -> Int? {
        let crlf = ByteSearch.firstIndex(of: "\r\n\r\n", in: bytes).map { $0 + 4 }
        let lf = ByteSearch.firstIndex(of: "\n\n", in: bytes).map { $0 + 2 }
        return [crlf, lf].compactMap { $0 }.min()
    }

    /// The head at the front of `record`; nil unless it starts with a `WARC/` version line, ends
    /// within `record` and has a valid Content-Length.
    init?(of record: UnsafeRawBufferPointer) {
        guard record.starts(with: "WARC/".utf8), let end = Self.end(in: record) else { return nil }
        let fields = HeaderFields(block: UnsafeRawBufferPointer(rebasing: record[..<end]))
        guard let text = fields["content-length"], let contentLength = Int(text), contentLength >= 0 else {
            return nil
        }
        self.fields = fields
        self.length = end
        self.contentLength = contentLength
        self.type = fields["warc-type"]?.lowercased() ?? ""
    }

    /// The record's block within `record` when `record` holds all of it followed by nothing but
    /// CR/LF bytes (one record, its separator); nil otherwise.
    func block(in record: UnsafeRawBufferPointer) -> Range<Int>? {
        let end = length + contentLength
        guard end <= record.count, record[end...].allSatisfy({ $0 == 0x0d || $0 == 0x0a }) else { return nil }
        return length..<end
    }
}
