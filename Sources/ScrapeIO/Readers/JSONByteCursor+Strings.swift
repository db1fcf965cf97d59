/// Strings: validated, and decoded in the same pass when the caller wants the value.
///
/// The loop looks at eight bytes at a time: a word with no quote, backslash, control byte or
/// non-ASCII byte is passed (and, when decoding, stored whole) at once, so long escaped HTML costs
/// about one look per word plus one step per escape.
extension JSONByteCursor {
    /// Passes over a string (the cursor is on its opening quote), validating escapes and UTF-8.
    mutating func string() throws(JSONLineError) -> JSONStringSpan {
        try string(decodingInto: nil).span
    }

    /// Passes over a string like `string()`; when `output` is given, also writes the decoded bytes
    /// there and returns their count. `output` needs room for `end - index` bytes (a string never
    /// decodes to more bytes than it takes in the line).
    @inline(__always)
    mutating func string(
        decodingInto output: UnsafeMutableRawPointer?
    ) throws(JSONLineError)
        -> (span: JSONStringSpan, count: Int)
    {
        index += 1
        var span = JSONStringSpan(start: index, end: index, escaped: false, ascii: true)
        var written = 0
        while true {
            // Storing a whole word ahead is safe: `written` trails `index`, and `index + 8 <= end`.
            // A local position, because stores through `output` could alias `self` for the compiler.
            var position = index
            while end - position >= 8 {
                let word = base.loadUnaligned(fromByteOffset: position, as: UInt64.self)
                output?.storeBytes(of: word, toByteOffset: written, as: UInt64.self)
                let special = Self.specialBytes(UInt64(littleEndian: word))
                if special == 0 {
                    position += 8
                    written += 8
                    continue
                }
                let run = special.trailingZeroBitCount >> 3
                position += run
                written += run
                break
            }
            index = position
            guard index < end else { throw .invalid }
            let current = byte(index)
            switch current {
            case 0x22:
                span.end = index
                index += 1
                return (span, written)
            case 0x5c:
                span.escaped = true
                written += try escape(writingTo: output.map { $0 + written })
            case 0x00..<0x20:
                throw .invalid
            case 0x80...:
                span.ascii = false
                let start = index
                try utf8Sequence()
                if let output {
                    for offset in 0..<(index - start) {
                        output.storeBytes(
                            of: byte(start + offset), toByteOffset: written + offset, as: UInt8.self)
                    }
                }
                written += index - start
            default:
                output?.storeBytes(of: current, toByteOffset: written, as: UInt8.self)
                index += 1
                written += 1
            }
        }
    }

    /// A mask with the high bit set in (at least) the first byte of `word` that is a quote, a
    /// backslash, a control byte or non-ASCII. Bits above the first hit may be spurious (borrows),
    /// bits below it never are, so the lowest set bit locates the first special byte.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5c)
        let zeroInQuote = (quote &- ones) & ~quote
        let zeroInBackslash = (backslash &- ones) & ~backslash
        let control = (word &- ones &* 0x20) & ~word
        return (zeroInQuote | zeroInBackslash | control | word) & high
    }

    /// Passes over one escape sequence (the cursor is on the backslash), writing what it stands for
    /// to `target` when given; returns the length of that in UTF-8.
    @inline(__always)
    private mutating func escape(writingTo target: UnsafeMutableRawPointer?) throws(JSONLineError) -> Int {
        guard end - index >= 2 else { throw .invalid }
        let decoded: UInt8
        switch byte(index + 1) {
        case let same where same == 0x22 || same == 0x5c || same == 0x2f: decoded = same
        case 0x62: decoded = 0x08
        case 0x66: decoded = 0x0c
        case 0x6e: decoded = 0x0a
        case 0x72: decoded = 0x0d
        case 0x74: decoded = 0x09
        case 0x75:
            index += 2
            let scalar = try unicodeEscape()
            guard let target else { return scalar < 0x80 ? 1 : scalar < 0x800 ? 2 : scalar < 0x10000 ? 3 : 4 }
            return Self.encode(scalar, into: target)
        default:
            throw .invalid
        }
        index += 2
        target?.storeBytes(of: decoded, as: UInt8.self)
        return 1
    }

    /// The scalar of a `\u` escape (the cursor is after `\u`), joining a surrogate pair; a lone
    /// surrogate is an error, as in Foundation.
    private mutating func unicodeEscape() throws(JSONLineError) -> UInt32 {
        let unit = try hexUnit()
        switch unit & 0xfc00 {
        case 0xdc00:
            throw .invalid
        case 0xd800:
            guard end - index >= 2, byte(index) == 0x5c, byte(index + 1) == 0x75 else { throw .invalid }
            index += 2
            let low = try hexUnit()
            guard low & 0xfc00 == 0xdc00 else { throw .invalid }
            return 0x10000 + (UInt32(unit) - 0xd800) << 10 + (UInt32(low) - 0xdc00)
        default:
            return UInt32(unit)
        }
    }

    /// Reads the four hex digits of a `\u` escape.
    private mutating func hexUnit() throws(JSONLineError) -> UInt16 {
        guard end - index >= 4 else { throw .invalid }
        var unit: UInt16 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexValue(byte(index + offset)) else { throw .invalid }
            unit = unit << 4 | UInt16(digit)
        }
        index += 4
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x37
        case 0x61...0x66: return byte - 0x57
        default: return nil
        }
    }

    /// Passes over one multi-byte UTF-8 sequence, rejecting overlong forms, surrogates, values
    /// above U+10FFFF and truncated sequences (the rules Swift's own UTF-8 validation applies).
    private mutating func utf8Sequence() throws(JSONLineError) {
        let lead = byte(index)
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xbf
        switch lead {
        case 0xc2...0xdf: length = 2
        case 0xe0: (length, secondLow) = (3, 0xa0)
        case 0xe1...0xec, 0xee...0xef: length = 3
        case 0xed: (length, secondHigh) = (3, 0x9f)
        case 0xf0: (length, secondLow) = (4, 0x90)
        case 0xf1...0xf3: length = 4
        case 0xf4: (length, secondHigh) = (4, 0x8f)
        default: throw .invalid
        }
        guard end - index >= length else { throw .invalid }
        let second = byte(index + 1)
        guard second >= secondLow, second <= secondHigh else { throw .invalid }
        for offset in 2..<length where byte(index + offset) & 0xc0 != 0x80 {
            throw .invalid
        }
        index += length
    }

    /// Writes `scalar` as UTF-8; returns the byte count.
    private static func encode(_ scalar: UInt32, into target: UnsafeMutableRawPointer) -> Int {
        func put(_ value: UInt32, _ offset: Int) {
            target.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: offset, as: UInt8.self)
        }
        switch scalar {
        case ..<0x80:
            put(scalar, 0)
            return 1
        case ..<0x800:
            put(0xc0 | scalar >> 6, 0)
            put(0x80 | scalar & 0x3f, 1)
            return 2
        case ..<0x10000:
            put(0xe0 | scalar >> 12, 0)
            put(0x80 | scalar >> 6 & 0x3f, 1)
            put(0x80 | scalar & 0x3f, 2)
            return 3
        default:
            put(0xf0 | scalar >> 18, 0)
            put(0x80 | scalar >> 12 & 0x3f, 1)
            put(0x80 | scalar >> 6 & 0x3f, 2)
            put(0x80 | scalar & 0x3f, 3)
            return 4
        }
    }
}
