import Glibc

/// End tags, comments, DOCTYPE, CDATA and the content of raw-text elements.
extension HTMLTokenizer {
    /// Reads `</...` at `start`: an end tag, `</>` (ignored) or a bogus comment; returns the
    /// position after it, or nil when the input ends inside the tag.
    func endTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into builder: inout HTMLTreeBuilder
    ) -> Int? {
        let count = bytes.count
        let nameStart = start + 2
        if bytes[nameStart] == UInt8(ascii: ">") { return nameStart + 1 }
        guard ASCII.isLetter(bytes[nameStart]) else {
            return bogusComment(bytes, from: nameStart, into: &builder)
        }
        var index = nameStart
        while index < count {
            let byte = bytes[index]
            if ASCII.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            index += 1
        }
        let nameEnd = index
        // Attributes of end tags mean nothing; skip to the `>` outside quotes.
        guard let close = tagEnd(bytes, from: index) else { return nil }
        emitEndTag(bytes, nameStart, nameEnd, into: &builder)
        return close + 1
    }

    /// Hands the end tag named by `bytes[start..<end]` to the builder.
    func emitEndTag(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into builder: inout HTMLTreeBuilder
    ) {
        let tag = HTMLTagTable.tag(bytes, start, end)
        guard tag == .unknown else {
            builder.endTag(tag, nameStart: 0, nameLength: 0)
            return
        }
        let arenaStart = builder.arena.count
        for offset in start..<end { builder.arena.append(ASCII.lowercased(bytes[offset])) }
        builder.endTag(.unknown, nameStart: arenaStart, nameLength: end - start)
        builder.arena.truncate(to: arenaStart)
    }

    /// The position of the `>` that ends a tag, skipping quoted values; nil at the end of the input.
    func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var afterEquals = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index }
            if afterEquals && (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) {
                index += 1
                while index < bytes.count && bytes[index] != byte { index += 1 }
            }
            if !ASCII.isWhitespace(byte) { afterEquals = byte == UInt8(ascii: "=") }
            index += 1
        }
        return nil
    }

    /// `<!` at `start`: a comment, DOCTYPE, CDATA section or bogus comment.
    func markupDeclaration(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into builder: inout HTMLTreeBuilder
    )
        -> Int
    {
        let count = bytes.count
        let body = start + 2
        if body + 1 < count && bytes[body] == UInt8(ascii: "-") && bytes[body + 1] == UInt8(ascii: "-") {
            return comment(bytes, from: body + 2, into: &builder)
        }
        if hasPrefix(bytes, at: body, "doctype", caseInsensitive: true) {
            let close = find(UInt8(ascii: ">"), bytes, from: body + 7) ?? count
            var first = body + 7
            var last = close
            while first < last && ASCII.isWhitespace(bytes[first]) { first += 1 }
            while last > first && ASCII.isWhitespace(bytes[last - 1]) { last -= 1 }
            let arenaStart = builder.arena.count
            for offset in first..<last { builder.arena.append(ASCII.lowercased(bytes[offset])) }
            builder.doctype(start: arenaStart, end: builder.arena.count)
            return min(close + 1, count)
        }
        if hasPrefix(bytes, at: body, "[CDATA[", caseInsensitive: false) && builder.inForeignContent {
            let contentStart = body + 7
            var index = contentStart
            while index + 2 < count
                && !(bytes[index] == UInt8(ascii: "]") && bytes[index + 1] == UInt8(ascii: "]")
                    && bytes[index + 2] == UInt8(ascii: ">"))
            {
                index += 1
            }
            let contentEnd = index + 2 < count ? index : count
            let arenaStart = builder.arena.count
            builder.arena.append(bytes, contentStart, contentEnd)
            builder.text(start: arenaStart, end: builder.arena.count)
            return min(contentEnd + 3, count)
        }
        return bogusComment(bytes, from: body, into: &builder)
    }

    /// A comment whose content starts at `start` (after `<!--`): it ends at `-->` or `--!>`;
    /// `<!-->` and `<!--->` are empty comments; at the end of the input it takes what is left.
    private func comment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into builder: inout HTMLTreeBuilder
    )
        -> Int
    {
        let count = bytes.count
        var contentEnd = count
        var after = count
        if start < count && bytes[start] == UInt8(ascii: ">") {
            (contentEnd, after) = (start, start + 1)
        } else if start + 1 < count && bytes[start] == UInt8(ascii: "-")
            && bytes[start + 1] == UInt8(ascii: ">")
        {
            (contentEnd, after) = (start, start + 2)
        } else {
            var index = start
            while index + 2 < count {
                if bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-") {
                    if bytes[index + 2] == UInt8(ascii: ">") {
                        (contentEnd, after) = (index, index + 3)
                        break
                    }
                    if bytes[index + 2] == UInt8(ascii: "!") && index + 3 < count
                        && bytes[index + 3] == UInt8(ascii: ">")
                    {
                        (contentEnd, after) = (index, index + 4)
                        break
                    }
                }
                index += 1
            }
        }
        let arenaStart = builder.arena.count
        builder.arena.append(bytes, start, max(start, contentEnd))
        builder.comment(start: arenaStart, end: builder.arena.count)
        return after
    }

    /// A bogus comment (`<?...>`, `<!...>`, `</1...>`): its content runs from `start` to the next `>`.
    func bogusComment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into builder: inout HTMLTreeBuilder
    )
        -> Int
    {
        let close = find(UInt8(ascii: ">"), bytes, from: start) ?? bytes.count
        let arenaStart = builder.arena.count
        builder.arena.append(bytes, start, close)
        builder.comment(start: arenaStart, end: builder.arena.count)
        return min(close + 1, bytes.count)
    }

    /// The content of a raw-text, RCDATA or script element that starts at `start`, up to its end
    /// tag (or the end of the input): added as one text node under `node`, then the element closed.
    func rawTextContent(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, tag: HTMLTag, node: Int,
        into builder: inout HTMLTreeBuilder
    ) -> Int {
        let name = HTMLTag.nameBytes[Int(tag.rawValue)]
        let contentEnd =
            tag == .script
            ? scriptEnd(bytes, from: start, name: name) : rawEnd(bytes, from: start, name: name)
        if contentEnd == bytes.count && Self.holdsMarkup(bytes, from: start) {
            // Never closed, and what it swallowed is markup: a conforming parser loses the rest of
            // the page into this element. Close it at once and read the rest as markup.
            builder.document.warnings.append("unclosed <\(tag.name)>: the rest of the page read as markup")
            builder.endTag(tag, nameStart: 0, nameLength: 0)
            return start
        }
        let arenaStart = builder.arena.count
        if tag.flags.contains(.rcdata) {
            var index = start
            var pending = start
            while index < contentEnd {
                if bytes[index] == UInt8(ascii: "&") {
                    builder.arena.append(bytes, pending, index)
                    let decoded = HTMLCharacterReferences.decode(
                        bytes, at: index, end: contentEnd, inAttribute: false, into: &builder.arena)
                    if decoded == nil { builder.arena.append(UInt8(ascii: "&")) }
                    index = decoded ?? index + 1
                    pending = index
                } else {
                    index += 1
                }
            }
            builder.arena.append(bytes, pending, contentEnd)
        } else {
            builder.arena.append(bytes, start, contentEnd)
        }
        builder.text(start: arenaStart, end: builder.arena.count, parent: node)
        guard contentEnd < bytes.count else { return bytes.count }
        builder.endTag(tag, nameStart: 0, nameLength: 0)
        guard let close = tagEnd(bytes, from: contentEnd + 2 + name.count) else { return bytes.count }
        return close + 1
    }

    /// True when the text from `start` holds a tag: `<` then a letter, or `</` then a letter.
    static func holdsMarkup(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "<") {
                let next = bytes[index + 1] == UInt8(ascii: "/") ? bytes[index + 2] : bytes[index + 1]
                if ASCII.isLetter(next) { return true }
            }
            index += 1
        }
        return false
    }

    /// Where the appropriate end tag `</name` (followed by space, `/` or `>`) starts; the end of
    /// the input when there is none.
    private func rawEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: [UInt8]) -> Int {
        var index = start
        while let open = find(UInt8(ascii: "<"), bytes, from: index) {
            if isEndTag(bytes, at: open, name: name) { return open }
            index = open + 1
        }
        return bytes.count
    }

    /// Like `rawEnd`, with the script-data escapes: inside `<!-- ... -->` a nested `<script>`
    /// opens a double-escaped part in which `</script>` does not end the element.
    private func scriptEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: [UInt8]) -> Int {
        enum Escape { case none, escaped, doubleEscaped }
        let count = bytes.count
        var escape = Escape.none
        var index = start
        while index < count {
            if escape == .none {  // only `<` matters outside escapes
                guard let open = find(UInt8(ascii: "<"), bytes, from: index) else { return count }
                index = open
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if escape != .doubleEscaped && isEndTag(bytes, at: index, name: name) { return index }
                if escape == .none && hasPrefix(bytes, at: index + 1, "!--", caseInsensitive: false) {
                    escape = .escaped
                    index += 4
                    continue
                }
                if escape == .escaped && isTagName(bytes, at: index + 1, name: name) {
                    escape = .doubleEscaped
                    index += 1 + name.count
                    continue
                }
                if escape == .doubleEscaped && isEndTag(bytes, at: index, name: name) {
                    escape = .escaped
                    index += 2 + name.count
                    continue
                }
            } else if byte == UInt8(ascii: "-") && escape != .none
                && hasPrefix(bytes, at: index + 1, "->", caseInsensitive: false)
            {
                escape = .none
                index += 3
                continue
            }
            index += 1
        }
        return count
    }

    private func isEndTag(_ bytes: UnsafeBufferPointer<UInt8>, at open: Int, name: [UInt8]) -> Bool {
        open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
            && isTagName(bytes, at: open + 2, name: name)
    }

    /// `name` (any case) at `start`, followed by whitespace, `/` or `>`.
    private func isTagName(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, name: [UInt8]) -> Bool {
        let end = start + name.count
        guard end < bytes.count else { return false }
        for offset in 0..<name.count where ASCII.lowercased(bytes[start + offset]) != name[offset] {
            return false
        }
        let after = bytes[end]
        return ASCII.isWhitespace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")
    }

    private func hasPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: StaticString, caseInsensitive: Bool
    ) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard start + length <= bytes.count else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<length {
            let byte = caseInsensitive ? ASCII.lowercased(bytes[start + offset]) : bytes[start + offset]
            if byte != (caseInsensitive ? ASCII.lowercased(pointer[offset]) : pointer[offset]) {
                return false
            }
        }
        return true
    }

    /// Whether `byte` occurs in `bytes[start..<end]` (memchr).
    func contains(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard start < end, let base = bytes.baseAddress else { return false }
        return memchr(base + start, Int32(byte), end - start) != nil
    }

    /// The position of the next `byte` at or after `start` (memchr: raw text and comments can be long).
    func find(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
