/// Splits HTML bytes into text, tags and pieces to copy untouched (comments, doctype, the content
/// of `<script>` and `<style>`), for `MarkupRestyle`. Lenient by design: what it does not read as a
/// tag is text, so a restyled page loses no byte it does not rewrite.
struct MarkupScanner {
    enum Piece {
        case text(Range<Int>)
        case tag(Tag)
        case verbatim(Range<Int>)
    }

    struct Tag {
        /// Lower-cased tag name.
        var name: String
        var isEnd: Bool
        /// From `<` to `>` inclusive.
        var range: Range<Int>
        /// Where the name ends (the attributes follow).
        var nameEnd: Int

        /// The tag with its name replaced, attributes kept.
        func renamed(_ newName: String, in html: [UInt8]) -> [UInt8] {
            Array((isEnd ? "</" : "<").utf8) + Array(newName.utf8) + html[nameEnd..<range.upperBound]
        }

        /// `tag` (the bytes of one start or end tag) without the attributes whose lower-cased name
        /// `drops` says.
        static func droppingAttributes(from tag: [UInt8], where drops: (String) -> Bool) -> [UInt8] {
            var index = 1
            while index < tag.count, !isSpace(tag[index]), tag[index] != 0x3E { index += 1 }
            var output = Array(tag[0..<index])
            while index < tag.count {
                let spaceStart = index
                while index < tag.count, isSpace(tag[index]) { index += 1 }
                let nameStart = index
                while index < tag.count, !isSpace(tag[index]), tag[index] != 0x3D, tag[index] != 0x3E,
                    tag[index] != 0x2F
                {
                    index += 1
                }
                guard index > nameStart else {
                    // `>`, `/` or a stray `=`: copied as it is.
                    output.append(contentsOf: tag[spaceStart..<min(tag.count, index + 1)])
                    index += 1
                    continue
                }
                let name = String(decoding: tag[nameStart..<index], as: UTF8.self).lowercased()
                var end = index
                var probe = index
                while probe < tag.count, isSpace(tag[probe]) { probe += 1 }
                if probe < tag.count, tag[probe] == 0x3D {
                    probe += 1
                    while probe < tag.count, isSpace(tag[probe]) { probe += 1 }
                    end = skipValue(tag, from: probe)
                }
                if !drops(name) { output.append(contentsOf: tag[spaceStart..<end]) }
                index = end
            }
            return output
        }

        /// The end of an attribute value starting at `start` (quoted or not).
        private static func skipValue(_ tag: [UInt8], from start: Int) -> Int {
            guard start < tag.count else { return start }
            let quote = tag[start]
            if quote == 0x22 || quote == 0x27 {
                var index = start + 1
                while index < tag.count, tag[index] != quote { index += 1 }
                return min(tag.count, index + 1)
            }
            var index = start
            while index < tag.count, !isSpace(tag[index]), tag[index] != 0x3E { index += 1 }
            return index
        }
    }

    let bytes: [UInt8]
    private var position = 0
    /// Set after `<script>` or `<style>`: everything up to its end tag is verbatim.
    private var rawTextEnd: [UInt8]?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    mutating func next() -> Piece? {
        guard position < bytes.count else { return nil }
        let start = position
        if let end = rawTextEnd {
            rawTextEnd = nil
            position = find(end, from: position, caseInsensitive: true) ?? bytes.count
            if position > start { return .verbatim(start..<position) }
        }
        guard bytes[position] == 0x3C else {
            position = bytes[position...].firstIndex(of: 0x3C) ?? bytes.count
            return .text(start..<position)
        }
        if hasPrefix("<!--") {
            position =
                (find(Array("-->".utf8), from: position + 4, caseInsensitive: false) ?? bytes.count - 3) + 3
            position = min(position, bytes.count)
            return .verbatim(start..<position)
        }
        let isEnd = position + 1 < bytes.count && bytes[position + 1] == 0x2F
        let nameStart = position + (isEnd ? 2 : 1)
        guard nameStart < bytes.count, Self.isLetter(bytes[nameStart]) else {
            if position + 1 < bytes.count, bytes[position + 1] == 0x21 || bytes[position + 1] == 0x3F {
                position = (bytes[position...].firstIndex(of: 0x3E) ?? bytes.count - 1) + 1
                return .verbatim(start..<position)
            }
            position += 1
            return .text(start..<position)
        }
        var nameEnd = nameStart
        while nameEnd < bytes.count, !Self.isSpace(bytes[nameEnd]), bytes[nameEnd] != 0x3E,
            bytes[nameEnd] != 0x2F
        {
            nameEnd += 1
        }
        var index = nameEnd
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27, index > 0,
                bytes[index - 1] == 0x3D || Self.isSpace(bytes[index - 1])
            {
                quote = byte
            } else if byte == 0x3E {
                break
            }
            index += 1
        }
        position = min(bytes.count, index + 1)
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
        if !isEnd && (name == "script" || name == "style") { rawTextEnd = Array("</\(name)".utf8) }
        return .tag(Tag(name: name, isEnd: isEnd, range: start..<position, nameEnd: nameEnd))
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return position + prefix.count <= bytes.count
            && Array(bytes[position..<position + prefix.count]) == prefix
    }

    /// The first index at or after `start` where `needle` begins.
    private func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool) -> Int? {
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            var matches = true
            for offset in 0..<needle.count {
                let byte = bytes[index + offset]
                let wanted = needle[offset]
                if byte != wanted
                    && !(caseInsensitive && byte | 0x20 == wanted | 0x20 && Self.isLetter(wanted))
                {
                    matches = false
                    break
                }
            }
            if matches { return index }
            index += 1
        }
        return nil
    }
}
