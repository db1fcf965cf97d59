/// Finds a body's charset the way browsers do, in priority order: byte order mark, the source's
/// hint (`RawArticle.charset`, then the `Content-Type` parameter), then `<meta>` in the first 2 KB.
enum CharsetSniffer {
    /// A charset found from a byte order mark, and how many bytes the mark takes.
    struct ByteOrderMark: Equatable {
        var charset: String
        var length: Int
    }

    static func byteOrderMark(_ bytes: [UInt8]) -> ByteOrderMark? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return ByteOrderMark(charset: "utf-8", length: 3)
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return ByteOrderMark(charset: "utf-16be", length: 2)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return ByteOrderMark(charset: "utf-16le", length: 2)
        }
        return nil
    }

    /// The `charset=` parameter of a `Content-Type` value, normalised.
    static func charset(fromContentType contentType: String) -> String? {
        let lower = Array(contentType.lowercased().utf8)
        guard let start = find(Array("charset=".utf8), in: lower, from: 0) else { return nil }
        return value(in: lower, from: start + 8)
    }

    /// The charset declared by `<meta charset>` or `<meta http-equiv content="...charset=...">`
    /// within the first 2 KB.
    static func charset(fromMetaIn bytes: [UInt8]) -> String? {
        let head = bytes.prefix(2048).map(ASCII.lowercased)
        var position = 0
        let metaTag = Array("<meta".utf8)
        while let meta = find(metaTag, in: head, from: position) {
            let end = head[meta...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = Array(head[meta..<end])
            if let key = find(Array("charset".utf8), in: tag, from: 0) {
                var index = key + 7
                while index < tag.count, tag[index] == 0x20 { index += 1 }
                if index < tag.count, tag[index] == UInt8(ascii: "=") {
                    if let found = value(in: tag, from: index + 1) {
                        // A page cannot declare UTF-16 in ASCII-compatible bytes; browsers read UTF-8.
                        return found.hasPrefix("utf-16") ? "utf-8" : found
                    }
                }
            }
            position = end
        }
        return nil
    }

    /// Maps common labels to the name used for conversion (WHATWG: latin-1 and ASCII mean windows-1252).
    static func normalised(_ label: String) -> String {
        let trimmed = label.lowercased().filter { !" \t\"'".contains($0) }
        switch trimmed {
        case "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii", "us-ascii", "cp1252",
            "x-cp1252", "cp819", "ibm819":
            return "windows-1252"
        case "gb2312", "x-gbk", "csgb2312": return "gbk"
        case "shift-jis", "sjis", "x-sjis": return "shift_jis"
        default: return trimmed
        }
    }

    private static func value(in bytes: [UInt8], from start: Int) -> String? {
        var index = start
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x22 || bytes[index] == 0x27 {
            index += 1
        }
        var end = index
        while end < bytes.count, !" \t\n\r;\"'>/,".utf8.contains(bytes[end]) { end += 1 }
        guard end > index else { return nil }
        return normalised(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
