/// The header lines of a WARC record or an HTTP response, parsed leniently.
///
/// Names are lower-cased; continuation lines (starting with a space or tab) join the previous value;
/// lines without a colon are ignored, since real crawls contain them and they carry nothing we need.
struct HeaderFields {
    /// The line before the fields: `WARC/1.1` or `HTTP/1.1 200 OK`.
    var firstLine: String
    var fields: [(name: String, value: String)]

    /// The first value of `name` (lower-case), if any.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Parses `block`: the first line and the fields, up to (not including) the blank line.
    init(block: UnsafeRawBufferPointer) {
        firstLine = ""
        fields = []
        var lineStart = 0
        var isFirst = true
        while lineStart < block.count {
            var lineEnd = lineStart
            while lineEnd < block.count, block[lineEnd] != 0x0a { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, block[contentEnd - 1] == 0x0d { contentEnd -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: block[lineStart..<contentEnd])
            lineStart = lineEnd + 1
            if isFirst {
                firstLine = Self.text(line)
                isFirst = false
            } else if let first = line.first, first == 0x20 || first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + Self.text(line)
            } else if let colon = line.firstIndex(of: 0x3a) {
                let name = Self.text(UnsafeRawBufferPointer(rebasing: line[..<colon])).lowercased()
                let value = Self.text(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
                fields.append((name: name, value: value))
            }
        }
    }

    /// Bytes as text, trimmed of spaces and tabs; invalid UTF-8 becomes U+FFFD rather than failing.
    static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

/// Splitting a `Content-Type` value into what readers need.
enum ContentTypeValue {
    /// The media type without parameters, lower-cased: `text/html`.
    static func mediaType(_ value: String) -> String {
        let end = value.firstIndex(of: ";") ?? value.endIndex
        return trim(value[..<end], " \t").lowercased()
    }

    /// The `charset` parameter, lower-cased and unquoted, if any.
    static func charset(_ value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, trim(pair[0], " \t").lowercased() == "charset" else { continue }
            let charset = trim(pair[1], " \t\"'").lowercased()
            return charset.isEmpty ? nil : charset
        }
        return nil
    }

    /// Whether a document of this media type is an article candidate (absent counts as yes).
    static func isArticleCandidate(mediaType: String) -> Bool {
        ["", "text/html", "application/xhtml+xml", "text/plain"].contains(mediaType)
    }

    /// `text` without leading and trailing characters from `characters`.
    static func trim(_ text: Substring, _ characters: String) -> String {
        let set = Set(characters)
        var slice = text
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
