/// Decodes character references (`&amp;`, `&eacute;`, `&notin;`, `&#8217;`, `&#x2014;`) the way the
/// HTML standard's tokenizer does: the longest name of the full table wins, the legacy names also
/// match without `;`, and numeric values get the standard's replacements.
enum HTMLCharacterReferences {
    /// The longest name in the table, `;` included.
    static let maxNameLength = 32

    /// Name (as written after `&`, with its `;`) → up to two code points, the second in the high half.
    static let named: [String: UInt64] = {
        var table: [String: UInt64] = [:]
        table.reserveCapacity(2300)
        for line in HTMLNamedReferenceTable.entries.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count >= 2, let first = UInt64(parts[1], radix: 16) else { continue }
            let second = parts.count > 2 ? UInt64(parts[2], radix: 16) ?? 0 : 0
            table[String(parts[0])] = first | second << 32
        }
        return table
    }()

    /// What numeric references 0x80–0x9F mean (the windows-1252 characters, per the HTML standard).
    private static let c1Replacements: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Decodes the reference at `start` (an `&`) in `bytes[..<end]` into `output`; returns the
    /// position after it, or nil when there is no reference there (the `&` is then plain text).
    static func decode<Sink: ByteSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, inAttribute: Bool,
        into output: inout Sink
    ) -> Int? {
        let index = start + 1
        guard index < end else { return nil }
        if bytes[index] == UInt8(ascii: "#") { return numeric(bytes, at: index + 1, end: end, into: &output) }
        var nameEnd = index
        while nameEnd < end, nameEnd - index < maxNameLength,
            ASCII.isLetter(bytes[nameEnd]) || ASCII.isDigit(bytes[nameEnd])
        {
            nameEnd += 1
        }
        guard nameEnd > index else { return nil }
        if nameEnd < end, bytes[nameEnd] == UInt8(ascii: ";"),
            let value = lookup(bytes, index, nameEnd + 1)
        {
            append(value, to: &output)
            return nameEnd + 1
        }
        // Legacy names without `;` (at most 6 letters): the longest prefix of the run that is one.
        var length = min(nameEnd - index, 6)
        while length >= 2 {
            if let value = lookup(bytes, index, index + length) {
                let after = index + length
                if inAttribute, after < end,
                    bytes[after] == UInt8(ascii: "=") || ASCII.isLetter(bytes[after])
                        || ASCII.isDigit(bytes[after])
                {
                    return nil  // "&copy=2" in a URL stays as written
                }
                append(value, to: &output)
                return after
            }
            length -= 1
        }
        return nil
    }

    private static func lookup(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64? {
        named[String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)]
    }

    /// `&#` was read; `start` is after it.
    private static func numeric<Sink: ByteSink>(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int, into output: inout Sink
    ) -> Int? {
        var index = start
        let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
        if hex { index += 1 }
        let digitsStart = index
        var value: UInt32 = 0
        while index < end, let digit = digitValue(bytes[index], hex: hex) {
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)  // saturates: too large is U+FFFD
            index += 1
        }
        guard index > digitsStart else { return nil }
        if index < end, bytes[index] == UInt8(ascii: ";") { index += 1 }
        append(UInt64(replacement(for: value)), to: &output)
        return index
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if ASCII.isDigit(byte) { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        if hex, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    /// The standard's numeric rules: NUL, surrogates and values past U+10FFFF become U+FFFD; C1
    /// controls are read as windows-1252.
    static func replacement(for value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) { return 0xFFFD }
        if value >= 0x80 && value <= 0x9F { return c1Replacements[Int(value - 0x80)] }
        return value
    }

    private static func append<Sink: ByteSink>(_ value: UInt64, to output: inout Sink) {
        appendScalar(UInt32(truncatingIfNeeded: value), to: &output)
        let second = UInt32(truncatingIfNeeded: value >> 32)
        if second != 0 { appendScalar(second, to: &output) }
    }

    private static func appendScalar<Sink: ByteSink>(_ code: UInt32, to output: inout Sink) {
        UTF8.encode(Unicode.Scalar(code) ?? "\u{FFFD}") { output.append($0) }
    }
}
