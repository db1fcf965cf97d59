/// A byte-level HTML tokenizer that feeds an `HTMLTreeBuilder` directly, without token objects.
///
/// Simple rather than complete: start and end tags with quoted or bare attributes, comments,
/// doctype, bogus comments (`<?...>`, `<![CDATA[...]>`), raw-text elements read up to their end tag,
/// and character references. Markup cut off by the end of the input is dropped, as browsers do.
struct HTMLTokenizer {
    /// Reused buffer for decoded text and attribute values.
    private var scratch: [UInt8] = []

    mutating func tokenize(_ input: [UInt8], into builder: inout HTMLTreeBuilder) {
        input.withUnsafeBufferPointer { buffer in
            run(buffer, into: &builder)
        }
    }

    private mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout HTMLTreeBuilder) {
        let count = bytes.count
        var index = 0
        var textStart = 0
        while index < count - 1 && !builder.stopped {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            let markupEnd: Int?
            if ASCII.isLetter(next) {
                guard let tag = startTag(bytes, at: index) else { break }  // cut off by the end: dropped
                emitText(bytes, textStart, index, into: &builder)
                markupEnd = emit(tag, bytes, into: &builder)
            } else if next == UInt8(ascii: "/") {
                guard let end = find(UInt8(ascii: ">"), bytes, from: index + 2) else { break }  // dropped
                emitText(bytes, textStart, index, into: &builder)
                if index + 2 < count, ASCII.isLetter(bytes[index + 2]) {
                    var nameEnd = index + 2
                    while nameEnd < end, !ASCII.isWhitespace(bytes[nameEnd]),
                        bytes[nameEnd] != UInt8(ascii: "/")
                    {
                        nameEnd += 1
                    }
                    builder.endTag(lowercasedName(bytes, index + 2, nameEnd))
                }
                markupEnd = end + 1
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                emitText(bytes, textStart, index, into: &builder)
                markupEnd = declaration(bytes, at: index, into: &builder)
            } else {
                markupEnd = nil
            }
            if let markupEnd {
                index = markupEnd
                textStart = markupEnd
            } else {
                index += 1
            }
        }
        if !builder.stopped {
            emitText(bytes, textStart, index >= count - 1 ? count : index, into: &builder)
        }
    }

    /// A start tag as read, before it reaches the tree.
    private struct StartTag {
        var name: String
        var attributes: [HTMLAttribute]
        var selfClosing: Bool
        var end: Int
    }

    /// Reads the start tag at `start` (a `<` followed by a letter); nil when the input ends inside it.
    private mutating func startTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> StartTag? {
        let count = bytes.count
        var index = start + 1
        while index < count, !ASCII.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
            bytes[index] != UInt8(ascii: ">")
        {
            index += 1
        }
        var tag = StartTag(
            name: lowercasedName(bytes, start + 1, index), attributes: [], selfClosing: false, end: 0)
        while true {
            while index < count, ASCII.isWhitespace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                if bytes[index] == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: ">")
                {
                    tag.selfClosing = true
                }
                index += 1
            }
            guard index < count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                tag.end = index + 1
                return tag
            }
            let nameStart = index
            index += 1
            while index < count, !ASCII.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            let name = lowercasedName(bytes, nameStart, index)
            while index < count, ASCII.isWhitespace(bytes[index]) { index += 1 }
            var value = ""
            if index < count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, ASCII.isWhitespace(bytes[index]) { index += 1 }
                guard index < count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = find(quote, bytes, from: index + 1) else { return nil }
                    value = decoded(bytes, index + 1, close, inAttribute: true)
                    index = close + 1
                } else {
                    let valueStart = index
                    while index < count, !ASCII.isWhitespace(bytes[index]), bytes[index] != UInt8(ascii: ">")
                    {
                        index += 1
                    }
                    value = decoded(bytes, valueStart, index, inAttribute: true)
                }
            }
            if !tag.attributes.contains(where: { $0.name == name }) {
                tag.attributes.append(HTMLAttribute(name: name, value: value))
            }
        }
    }

    /// Hands a start tag to the builder; raw-text elements take their content up to the end tag.
    private mutating func emit(
        _ tag: StartTag, _ bytes: UnsafeBufferPointer<UInt8>, into builder: inout HTMLTreeBuilder
    ) -> Int {
        guard HTMLTags.rawText.contains(tag.name), !tag.selfClosing else {
            builder.startTag(tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing)
            return tag.end
        }
        let (contentEnd, after) = rawTextEnd(bytes, name: tag.name, from: tag.end)
        let content: String
        if HTMLTags.escapableRawText.contains(tag.name) {
            content = decoded(bytes, tag.end, contentEnd, inAttribute: false)
        } else {
            content = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[tag.end..<contentEnd]), as: UTF8.self)
        }
        builder.rawTextElement(tag.name, attributes: tag.attributes, content: content)
        return after
    }

    /// Where the content of a raw-text element ends (`</name` followed by space, `/` or `>`), and
    /// the position after its end tag; the end of the input when there is no end tag.
    private func rawTextEnd(_ bytes: UnsafeBufferPointer<UInt8>, name: String, from start: Int) -> (Int, Int)
    {
        let nameBytes = Array(name.utf8)
        let count = bytes.count
        var index = start
        while let open = find(UInt8(ascii: "<"), bytes, from: index) {
            let nameStart = open + 2
            let nameEnd = nameStart + nameBytes.count
            if nameEnd < count, bytes[open + 1] == UInt8(ascii: "/") {
                var matches = true
                for offset in 0..<nameBytes.count
                where ASCII.lowercased(bytes[nameStart + offset]) != nameBytes[offset] {
                    matches = false
                    break
                }
                let after = bytes[nameEnd]
                if matches
                    && (ASCII.isWhitespace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">"))
                {
                    let close = find(UInt8(ascii: ">"), bytes, from: nameEnd) ?? count - 1
                    return (open, close + 1)
                }
            }
            index = open + 1
        }
        return (count, count)
    }

    /// Comments, doctype and bogus comments; returns the position after them.
    private mutating func declaration(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into builder: inout HTMLTreeBuilder
    ) -> Int {
        let count = bytes.count
        if bytes[start + 1] == UInt8(ascii: "!"), start + 3 < count, bytes[start + 2] == UInt8(ascii: "-"),
            bytes[start + 3] == UInt8(ascii: "-")
        {
            let bodyStart = start + 4
            if bodyStart < count, bytes[bodyStart] == UInt8(ascii: ">") { return bodyStart + 1 }
            var index = bodyStart
            while index + 2 < count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
                    bytes[index + 2] == UInt8(ascii: ">")
                {
                    builder.comment(decoded(bytes, bodyStart, index, inAttribute: false))
                    return index + 3
                }
                index += 1
            }
            builder.comment(decoded(bytes, bodyStart, count, inAttribute: false))
            return count
        }
        let end = find(UInt8(ascii: ">"), bytes, from: start + 2) ?? count
        let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 2)..<end]), as: UTF8.self)
        if body.lowercased().hasPrefix("doctype") {
            builder.doctype(String(body.dropFirst(7)).trimmingASCIIWhitespace())
        } else {
            builder.comment(body)
        }
        return min(end + 1, count)
    }

    private mutating func emitText(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into builder: inout HTMLTreeBuilder
    ) {
        guard end > start else { return }
        var whitespaceOnly = true
        for index in start..<end where !ASCII.isWhitespace(bytes[index]) {
            whitespaceOnly = false
            break
        }
        builder.text(whitespaceOnly ? " " : decoded(bytes, start, end, inAttribute: false))
    }

    private mutating func decoded(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, inAttribute: Bool
    ) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        scratch.removeAll(keepingCapacity: true)
        HTMLEntities.decode(slice, into: &scratch, inAttribute: inAttribute)
        return String(decoding: scratch, as: UTF8.self)
    }

    private func lowercasedName(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        if !slice.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            return String(decoding: slice, as: UTF8.self)
        }
        return String(decoding: slice.map(ASCII.lowercased), as: UTF8.self)
    }

    private func find(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
