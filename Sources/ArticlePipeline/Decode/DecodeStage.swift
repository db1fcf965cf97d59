/// Stage 2 (decode): finds the charset, converts the body to UTF-8, refuses binary junk and tells HTML from
/// plain text.
struct DecodeStage {
    /// How much of the body the binary check looks at, and the share of non-text bytes it tolerates.
    static let binaryWindow = 4096
    static let maxNonTextShare = 0.10

    private var transcoder = IconvTranscoder()

    /// Input: the raw article. Output: its body as valid UTF-8 with format and warnings.
    mutating func decode(_ raw: RawArticle) throws(PipelineError) -> DecodedDocument {
        let body = raw.body
        var warnings: [String] = []
        let mark = CharsetSniffer.byteOrderMark(body)
        let charset =
            mark?.charset
            ?? raw.charset.map(CharsetSniffer.normalised)
            ?? raw.contentType.flatMap(CharsetSniffer.charset(fromContentType:))
            ?? CharsetSniffer.charset(fromMetaIn: body)
            ?? "utf-8"
        let content = body[(mark?.length ?? 0)...]
        if !charset.hasPrefix("utf-16") && !charset.hasPrefix("utf-32") && Self.looksBinary(content) {
            throw PipelineError(stage: "decode", reason: "binary content, not text")
        }
        var utf8: [UInt8]
        var usedCharset = charset
        if charset == "utf-8" {
            utf8 = Self.validUTF8(content, warnings: &warnings)
        } else if let converted = transcoder.convert(content, from: charset) {
            utf8 = converted.utf8
            if converted.replaced > 0 { warnings.append("invalid \(charset) replaced") }
        } else {
            warnings.append("unknown charset \(charset), read as utf-8")
            usedCharset = "utf-8"
            utf8 = Self.validUTF8(content, warnings: &warnings)
        }
        let format = Self.format(of: utf8, contentType: raw.contentType)
        return DecodedDocument(utf8: utf8, format: format, charset: usedCharset, warnings: warnings)
    }

    /// True when more than 10% of the first 4 KB are NUL or control bytes no text file contains.
    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        let window = bytes.prefix(binaryWindow)
        guard !window.isEmpty else { return false }
        var nonText = 0
        for byte in window where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
            if byte != 0x1B { nonText += 1 }
        }
        return Double(nonText) > Double(window.count) * maxNonTextShare
    }

    /// The bytes unchanged when they are valid UTF-8, else re-encoded with U+FFFD replacements.
    static func validUTF8(_ bytes: ArraySlice<UInt8>, warnings: inout [String]) -> [UInt8] {
        if UTF8Validator.isValid(bytes) {
            return Array(bytes)
        }
        warnings.append("invalid utf-8 replaced")
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    /// HTML when the content type says so, or when the body opens with a tag and holds typical tags.
    static func format(of utf8: [UInt8], contentType: String?) -> DocumentFormat {
        if let contentType, contentType.lowercased().contains("html") { return .html }
        guard let first = utf8.firstIndex(where: { !ASCII.isWhitespace($0) }),
            utf8[first] == UInt8(ascii: "<")
        else { return .text }
        let head = utf8[first...].prefix(4096).map(ASCII.lowercased)
        for marker in ["<!doctype", "<html", "<head", "<body", "<p", "<div", "<meta", "<title", "<!--"]
        where CharsetSniffer.find(Array(marker.utf8), in: head, from: 0) != nil {
            return .html
        }
        return .text
    }
}
