/// Why a JSON line could not be used.
enum JSONLineError: Error, Equatable {
    /// Not JSON (RFC 8259, UTF-8): bad syntax, bad escape, lone surrogate, invalid UTF-8, a control
    /// character in a string, a number too large for a Double, nesting deeper than the limit.
    case invalid
    /// Valid JSON, but the top-level value is not an object.
    case notAnObject
}

/// A string's content (between the quotes) as found in the line, not decoded yet.
struct JSONStringSpan: Equatable {
    var start: Int
    var end: Int
    /// True when the content holds a backslash escape, so it must be decoded before use.
    var escaped: Bool
    /// True when every byte is ASCII (before decoding escapes).
    var ascii: Bool
}

/// A validating walk over the bytes of one JSON text: strings, numbers, literals and whole values are
/// checked against RFC 8259 as they are passed, and nothing is materialised.
///
/// Strings are checked eight bytes at a time: a word with no quote, backslash, control byte or
/// non-ASCII byte is skipped at once, so long escaped HTML costs about one look per word. The caller
/// guarantees the buffer outlives the cursor; every read is bounds-checked against `end`.
struct JSONByteCursor {
    /// The nesting limit of arrays and objects (the top-level object counts), as in Foundation.
    static let maximumDepth = 512

    private let base: UnsafeRawPointer
    let end: Int
    private(set) var index: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no address; any valid one will do, nothing is read past `end`.
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 0x10)!
        end = bytes.count
        index = 0
    }

    var atEnd: Bool { index >= end }

    /// The byte at the cursor, or nil at the end.
    var peek: UInt8? { index < end ? byte(index) : nil }

    @inline(__always)
    private func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

    /// Steps over one byte the caller has looked at.
    mutating func advance() { index += 1 }

    /// Steps over a UTF-8 byte order mark, which Foundation accepts at the start of a text.
    mutating func skipByteOrderMark() {
        if end - index >= 3, byte(index) == 0xef, byte(index + 1) == 0xbb, byte(index + 2) == 0xbf {
            index += 3
        }
    }

    /// Steps over JSON whitespace (space, tab, CR, LF) and returns the next byte, nil at the end.
    @discardableResult
    mutating func skipWhitespace() -> UInt8? {
        while index < end {
            switch byte(index) {
            case 0x20, 0x09, 0x0d, 0x0a: index += 1
            case let other: return other
            }
        }
        return nil
    }

    /// Consumes `expected` after optional whitespace.
    mutating func expect(_ expected: UInt8) throws(JSONLineError) {
        guard skipWhitespace() == expected else { throw .invalid }
        index += 1
    }

    // MARK: Strings

    /// Passes over a string (the cursor is on its opening quote), validating escapes and UTF-8.
    mutating func string() throws(JSONLineError) -> JSONStringSpan {
        index += 1
        var span = JSONStringSpan(start: index, end: index, escaped: false, ascii: true)
        while true {
            while end - index >= 8 {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let special = Self.specialBytes(word)
                if special == 0 {
                    index += 8
                    continue
                }
                index += special.trailingZeroBitCount >> 3
                break
            }
            guard index < end else { throw .invalid }
            switch byte(index) {
            case 0x22:
                span.end = index
                index += 1
                return span
            case 0x5c:
                span.escaped = true
                try escape()
            case 0x00..<0x20:
                throw .invalid
            case 0x80...:
                span.ascii = false
                try utf8Sequence()
            default:
                index += 1
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

    /// Passes over one escape sequence (the cursor is on the backslash).
    private mutating func escape() throws(JSONLineError) {
        guard end - index >= 2 else { throw .invalid }
        switch byte(index + 1) {
        case 0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74:
            index += 2
        case 0x75:
            index += 2
            let unit = try hexUnit()
            if unit & 0xfc00 == 0xdc00 { throw .invalid }
            if unit & 0xfc00 == 0xd800 {
                guard end - index >= 2, byte(index) == 0x5c, byte(index + 1) == 0x75 else { throw .invalid }
                index += 2
                guard try hexUnit() & 0xfc00 == 0xdc00 else { throw .invalid }
            }
        default:
            throw .invalid
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

    static func hexValue(_ byte: UInt8) -> UInt8? {
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
        for offset in 2..<max(length, 2) where byte(index + offset) & 0xc0 != 0x80 {
            throw .invalid
        }
        index += length
    }

    // MARK: Numbers and literals

    /// Passes over a number (the cursor is on `-` or a digit) and returns its range in the line.
    ///
    /// Like Foundation, a number whose value is beyond a Double (1e400) is rejected; tiny ones
    /// round to zero. Only numbers that might be that large are converted to find out.
    mutating func number() throws(JSONLineError) -> Range<Int> {
        let start = index
        if byte(index) == 0x2d { index += 1 }
        guard index < end, Self.isDigit(byte(index)) else { throw .invalid }
        var integerDigits = 0
        if byte(index) == 0x30 {
            index += 1
        } else {
            let digitsStart = index
            skipDigits()
            integerDigits = index - digitsStart
        }
        if index < end, byte(index) == 0x2e {
            index += 1
            guard index < end, Self.isDigit(byte(index)) else { throw .invalid }
            skipDigits()
        }
        var exponent = 0
        if index < end, byte(index) | 0x20 == 0x65 {
            index += 1
            var negative = false
            if index < end, byte(index) == 0x2b || byte(index) == 0x2d {
                negative = byte(index) == 0x2d
                index += 1
            }
            guard index < end, Self.isDigit(byte(index)) else { throw .invalid }
            while index < end, Self.isDigit(byte(index)) {
                if exponent < 1_000_000 { exponent = exponent * 10 + Int(byte(index) - 0x30) }
                index += 1
            }
            if negative { exponent = -exponent }
        }
        // The value is below 10^(integerDigits + exponent); 10^308 is still a finite Double.
        if integerDigits + exponent > 308 {
            let text = String(
                decoding: UnsafeRawBufferPointer(start: base + start, count: index - start), as: UTF8.self)
            guard let value = Double(text), value.isFinite else { throw .invalid }
        }
        return start..<index
    }

    private mutating func skipDigits() {
        while index < end, Self.isDigit(byte(index)) { index += 1 }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// Passes over `true`, `false` or `null` (the cursor is on its first letter); true for `true`
    /// or `false`, false for `null`.
    mutating func literal() throws(JSONLineError) -> Bool {
        let (text, isBoolean): (StaticString, Bool) =
            switch byte(index) {
            case 0x74: ("true", true)
            case 0x66: ("false", true)
            default: ("null", false)
            }
        let length = text.utf8CodeUnitCount
        guard end - index >= length else { throw .invalid }
        for offset in 0..<length where byte(index + offset) != text.utf8Start[offset] {
            throw .invalid
        }
        index += length
        return isBoolean
    }

    // MARK: Whole values

    /// Passes over any one value at nesting `depth` (the number of containers around it),
    /// after optional whitespace. Iterative, so deep nesting cannot exhaust the stack.
    mutating func skipValue(depth: Int) throws(JSONLineError) {
        try withUnsafeTemporaryAllocation(of: Bool.self, capacity: Self.maximumDepth + 1) {
            (isObject) throws(JSONLineError) in
            var level = depth
            let bottom = depth
            while true {
                // A value (0 stands for the end of the line, which is never valid here).
                let first = skipWhitespace() ?? 0
                switch first {
                case 0x22: _ = try string()
                case 0x2d, 0x30...0x39: _ = try number()
                case 0x74, 0x66, 0x6e: _ = try literal()
                case 0x7b, 0x5b:
                    let open = first
                    guard level < Self.maximumDepth else { throw .invalid }
                    index += 1
                    level += 1
                    isObject[level] = open == 0x7b
                    let close: UInt8 = open == 0x7b ? 0x7d : 0x5d
                    if skipWhitespace() == close {
                        index += 1
                        level -= 1
                    } else {
                        if open == 0x7b { try memberName() }
                        continue
                    }
                default:
                    throw .invalid
                }
                // What follows a value: a comma, or the ends of containers.
                while level > bottom {
                    let next = skipWhitespace()
                    if next == 0x2c {
                        index += 1
                        if isObject[level] { try memberName() }
                        break
                    }
                    guard next == (isObject[level] ? 0x7d : 0x5d) else { throw .invalid }
                    index += 1
                    level -= 1
                }
                if level == bottom { return }
            }
        }
    }

    /// Passes over `"name" :` inside an object.
    private mutating func memberName() throws(JSONLineError) {
        guard skipWhitespace() == 0x22 else { throw .invalid }
        _ = try string()
        try expect(0x3a)
    }
}
