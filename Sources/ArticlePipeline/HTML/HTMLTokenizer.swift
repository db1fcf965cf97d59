/// A byte-level HTML tokenizer after the HTML standard's tokenization states, feeding an
/// `HTMLTreeBuilder` directly, without token objects.
///
/// Covers the data state with character references, tags with every attribute-value form,
/// comments (including `<!-->` and `--!>`), DOCTYPE, CDATA (text in SVG/MathML, a bogus comment
/// elsewhere), bogus comments, raw text (style, iframe, ...), RCDATA (title, textarea), script data
/// with its `<!--` escapes, and plaintext. Text and attribute values are decoded straight into the
/// document's byte arena; a start or end tag cut off by the end of the input is dropped, as the
/// standard says. NUL bytes in text are dropped (as tree construction does in the body).
struct HTMLTokenizer {
    mutating func tokenize(_ input: [UInt8], into builder: inout HTMLTreeBuilder) {
        // The arena writes into the document's bytes directly. Each byte it holds comes from input
        // bytes of its own, at most 1.2 times as many (`&nGt;`, 5 bytes, decodes to 6): a quarter
        // more than the input always suffices.
        let bound = input.count + input.count / 4 + 64
        let bytes = [UInt8](unsafeUninitializedCapacity: bound) { storage, initialized in
            builder.arena.attach(storage)
            input.withUnsafeBufferPointer { buffer in
                run(buffer, into: &builder)
            }
            initialized = builder.arena.detach()
        }
        builder.document.bytes = bytes
    }

    private func run(_ bytes: UnsafeBufferPointer<UInt8>, into builder: inout HTMLTreeBuilder) {
        let count = bytes.count
        var index = 0
        /// Input bytes from here to `index` are text not yet copied to the arena.
        var pending = 0
        /// Where the current text run starts in the arena.
        var textStart = builder.arena.count
        while index < count && !builder.stopped {
            index = Self.nextSpecial(bytes, from: index)
            guard index < count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                builder.arena.append(bytes, pending, index)
                if let after = HTMLCharacterReferences.decode(
                    bytes, at: index, end: count, inAttribute: false, into: &builder.arena)
                {
                    index = after
                } else {
                    builder.arena.append(byte)
                    index += 1
                }
                pending = index
                continue
            }
            if byte == 0 {
                builder.arena.append(bytes, pending, index)
                index += 1
                pending = index
                continue
            }
            guard index + 1 < count else { break }
            let next = bytes[index + 1]
            let isMarkup =
                ASCII.isLetter(next) || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
                || (next == UInt8(ascii: "/") && index + 2 < count)
            guard isMarkup else {
                index += 1
                continue
            }
            // Markup: the text before it is complete.
            builder.arena.append(bytes, pending, index)
            builder.text(start: textStart, end: builder.arena.count)
            let after: Int?
            if ASCII.isLetter(next) {
                after = startTag(bytes, at: index, into: &builder)
            } else if next == UInt8(ascii: "/") {
                after = endTag(bytes, at: index, into: &builder)
            } else if next == UInt8(ascii: "!") {
                after = markupDeclaration(bytes, at: index, into: &builder)
            } else {
                after = bogusComment(bytes, from: index + 1, into: &builder)
            }
            guard let after else { return }  // cut off by the end of the input: dropped
            index = after
            pending = after
            textStart = builder.arena.count
        }
        guard !builder.stopped else { return }
        if pending < count {
            builder.arena.append(bytes, pending, count)
        }
        builder.text(start: textStart, end: builder.arena.count)
    }

    /// The position of the first `<`, `&` or NUL at or after `start` (the end of the input when
    /// there is none): eight bytes at a time, testing each for a zero byte after an exclusive or
    /// with the three wanted bytes.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let less = word ^ (ones &* 0x3C)
            let amp = word ^ (ones &* 0x26)
            let found =
                ((word &- ones) & ~word) | ((less &- ones) & ~less) | ((amp &- ones) & ~amp)
            if found & highs != 0 { break }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0 { return index }
            index += 1
        }
        return count
    }

    /// Reads the start tag at `start` (`<` and a letter) with its attributes, hands it to the
    /// builder and reads the content of raw-text elements; returns the position after it all, or
    /// nil when the input ends inside the tag.
    private func startTag(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into builder: inout HTMLTreeBuilder
    )
        -> Int?
    {
        let count = bytes.count
        var index = start + 1
        while index < count {
            let byte = bytes[index]
            if ASCII.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            index += 1
        }
        guard index < count else { return nil }
        let tag = HTMLTagTable.tag(bytes, start + 1, index)
        let nameStart = builder.arena.count
        if tag == .unknown {
            for offset in (start + 1)..<index {
                builder.arena.append(ASCII.lowercased(bytes[offset]))
            }
        }
        let nameLength = builder.arena.count - nameStart
        let firstAttribute = builder.document.attributes.count
        guard
            let (end, selfClosing) = attributes(
                bytes, from: index, firstAttribute: firstAttribute, into: &builder)
        else { return nil }
        let foreign = builder.inForeignContent
        guard
            let node = builder.startTag(
                tag, nameStart: Int32(nameStart), nameLength: Int32(nameLength),
                firstAttribute: firstAttribute,
                selfClosing: selfClosing)
        else { return end }
        let flags = tag.flags
        guard !foreign, !selfClosing || !flags.contains(.void),
            !flags.isDisjoint(with: [.rawText, .rcdata, .scriptData]) || tag == .plaintext
        else { return end }
        if tag == .plaintext {
            builder.arena.append(bytes, end, count)
            builder.text(
                start: builder.arena.count - (count - end), end: builder.arena.count)
            return count
        }
        return rawTextContent(bytes, from: end, tag: tag, node: node, into: &builder)
    }

    /// The attributes of a start tag, from after its name; returns the position after `>` and
    /// whether the tag was self-closing, or nil when the input ends first.
    private func attributes(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, firstAttribute: Int,
        into builder: inout HTMLTreeBuilder
    ) -> (Int, Bool)? {
        let count = bytes.count
        var index = start
        while true {
            while index < count && ASCII.isWhitespace(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (index + 1, false) }
            if byte == UInt8(ascii: "/") {
                index += 1
                if index < count && bytes[index] == UInt8(ascii: ">") { return (index + 1, true) }
                continue
            }
            // Attribute name (a leading `=` belongs to the name, as the standard says).
            let nameStart = index
            index += 1
            while index < count {
                let byte = bytes[index]
                if ASCII.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
                    || byte == UInt8(ascii: "=")
                {
                    break
                }
                index += 1
            }
            let nameEnd = index
            while index < count && ASCII.isWhitespace(bytes[index]) { index += 1 }
            guard index < count else { return nil }
            let arenaNameStart = builder.arena.count
            builder.arena.append(bytes, nameStart, nameEnd)
            if hasUppercase(bytes, nameStart, nameEnd) {
                for offset in nameStart..<nameEnd {
                    builder.arena[arenaNameStart + offset - nameStart] = ASCII.lowercased(
                        bytes[offset])
                }
            }
            let valueStart = builder.arena.count
            if bytes[index] == UInt8(ascii: "=") {
                index += 1
                while index < count && ASCII.isWhitespace(bytes[index]) { index += 1 }
                guard index < count else { return nil }
                guard let after = attributeValue(bytes, from: index, into: &builder.arena) else {
                    return nil
                }
                index = after
            }
            let slot = HTMLAttributeSlot(
                nameStart: Int32(arenaNameStart), nameLength: Int32(nameEnd - nameStart),
                valueStart: Int32(valueStart), valueLength: Int32(builder.arena.count - valueStart))
            if isDuplicate(slot, from: firstAttribute, in: builder) {
                builder.arena.truncate(to: arenaNameStart)
            } else {
                builder.document.attributes.append(slot)
            }
        }
    }

    /// Whether `bytes[start..<end]` holds an ASCII capital (attribute names rarely do).
    @inline(__always)
    private func hasUppercase(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        for offset in start..<end where bytes[offset] &- 0x41 < 26 { return true }
        return false
    }

    /// Decodes a quoted or unquoted attribute value starting at `start` into `arena`; returns the
    /// position after it (after the closing quote), or nil when the input ends inside it.
    private func attributeValue(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into arena: inout ByteArena
    )
        -> Int?
    {
        let count = bytes.count
        let quote = bytes[start]
        let quoted = quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
        var index = quoted ? start + 1 : start
        // A quoted value without a character reference (most of them: class names, URLs) is
        // copied whole, found by memchr. A reference never holds a quote, so the first quote ends
        // the value either way.
        if quoted, let close = find(quote, bytes, from: index),
            !contains(UInt8(ascii: "&"), bytes, from: index, to: close)
        {
            arena.append(bytes, index, close)
            return close + 1
        }
        var pending = index
        while index < count {
            let byte = bytes[index]
            if quoted ? byte == quote : (ASCII.isWhitespace(byte) || byte == UInt8(ascii: ">")) {
                arena.append(bytes, pending, index)
                return quoted ? index + 1 : index
            }
            if byte == UInt8(ascii: "&") {
                arena.append(bytes, pending, index)
                if let after = HTMLCharacterReferences.decode(
                    bytes, at: index, end: count, inAttribute: true, into: &arena)
                {
                    index = after
                } else {
                    arena.append(byte)
                    index += 1
                }
                pending = index
                continue
            }
            index += 1
        }
        return nil
    }

    /// The standard keeps the first of two attributes with the same name.
    private func isDuplicate(_ slot: HTMLAttributeSlot, from first: Int, in builder: HTMLTreeBuilder) -> Bool
    {
        let attributes = builder.document.attributes
        let arena = builder.arena
        guard attributes.count > first else { return false }
        for index in first..<attributes.count where attributes[index].nameLength == slot.nameLength {
            let other = Int(attributes[index].nameStart)
            let start = Int(slot.nameStart)
            var same = true
            for offset in 0..<Int(slot.nameLength)
            where arena[other + offset] != arena[start + offset] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }
}
