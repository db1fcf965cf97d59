/// Why a JSON line could not be used.
enum JSONLineError: Error, Equatable {
    /// Not JSON (RFC 8259, UTF-8): bad syntax, bad escape, lone surrogate, invalid UTF-8, a control
    /// character in a string, a number too large for a Double, nesting deeper than the limit.
    case invalid
    /// Valid JSON, but the top-level value is not an object.
    case notAnObject
}

/// Where a string's content (between the quotes) is in the line, and what decoding it involves.
struct JSONStringSpan: Equatable {
    var start: Int
    var end: Int
    /// True when the content holds a backslash escape, so it must be decoded before use.
    var escaped: Bool
    /// True when every byte is ASCII (before decoding escapes).
    var ascii: Bool
}

/// A validating walk over the bytes of one JSON text: strings, numbers, literals and whole values are
/// checked against RFC 8259 as they are passed; nothing is materialised but the strings asked for.
///
/// Strings (in `JSONByteCursor+Strings.swift`) are checked eight bytes at a time and can be decoded
/// in the same pass. The caller guarantees the buffer outlives the cursor; every read is checked
/// against `end`.
struct JSONByteCursor {
    /// The nesting limit of arrays and objects (the top-level object counts), as in Foundation.
    static let maximumDepth = 512

    let base: UnsafeRawPointer
    let end: Int
    var index: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        // An empty buffer may have no address; any valid one will do, nothing is read past `end`.
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 0x10)!
        end = bytes.count
        index = 0
    }

    @inline(__always)
    func byte(_ offset: Int) -> UInt8 { base.load(fromByteOffset: offset, as: UInt8.self) }

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
