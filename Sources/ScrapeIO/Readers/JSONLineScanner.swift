/// The value a wanted field had in the last line scanned, as found in the line (not decoded).
enum JSONLineValue: Equatable {
    case absent
    case string(JSONStringSpan)
    /// The number's text, exactly as written.
    case number(Range<Int>)
    case boolean
    case null
    /// An object or an array.
    case container
}

/// Walks the top-level object of one JSON line in a single validating pass and notes where the values
/// of a few wanted field names are, without decoding anything else.
///
/// The whole line is validated as strictly as RFC 8259 asks (UTF-8 only; a UTF-8 byte order mark
/// at the start is accepted, as Foundation does), so a line is either rejected or every value in it
/// is well-formed. Values of other keys, however large or deep, are only walked over.
///
/// Duplicate keys: the last occurrence wins, and key names compare by Swift `String` equality
/// (canonical equivalence), which is what reading the line into a `[String: Any]` did.
/// Not thread-safe: one scanner per reader; it reuses its storage from line to line.
struct JSONLineScanner {
    private struct Name {
        var bytes: [UInt8]
        var text: String
        var ascii: Bool
    }

    private let names: [Name]
    private let anyNonASCIIName: Bool
    /// `values[i]` is the value of `fieldNames[i]` in the last line scanned.
    private(set) var values: [JSONLineValue]
    /// Scratch space for keys that hold escapes.
    private var keyBuffer: [UInt8] = []

    /// `fieldNames` may repeat a name; each position gets its value.
    init(fieldNames: [String]) {
        names = fieldNames.map {
            Name(bytes: Array($0.utf8), text: $0, ascii: $0.utf8.allSatisfy { $0 < 0x80 })
        }
        anyNonASCIIName = names.contains { !$0.ascii }
        values = Array(repeating: .absent, count: fieldNames.count)
    }

    /// Scans one line (without its newline); afterwards `values` describe it.
    mutating func scan(_ line: UnsafeRawBufferPointer) throws(JSONLineError) {
        for position in values.indices { values[position] = .absent }
        var cursor = JSONByteCursor(line)
        cursor.skipByteOrderMark()
        guard cursor.skipWhitespace() == 0x7b else {
            try cursor.skipValue(depth: 0)
            guard cursor.skipWhitespace() == nil else { throw .invalid }
            throw .notAnObject
        }
        cursor.advance()
        if cursor.skipWhitespace() == 0x7d {
            cursor.advance()
        } else {
            try members(&cursor, line)
        }
        guard cursor.skipWhitespace() == nil else { throw .invalid }
    }

    /// The members of the top-level object, up to and including its closing brace.
    private mutating func members(
        _ cursor: inout JSONByteCursor, _ line: UnsafeRawBufferPointer
    )
        throws(JSONLineError)
    {
        while true {
            guard cursor.skipWhitespace() == 0x22 else { throw .invalid }
            let key = try cursor.string()
            try cursor.expect(0x3a)
            let value: JSONLineValue
            switch cursor.skipWhitespace() ?? 0 {
            case 0x22: value = .string(try cursor.string())
            case 0x2d, 0x30...0x39: value = .number(try cursor.number())
            case 0x74, 0x66, 0x6e: value = try cursor.literal() ? .boolean : .null
            case 0x7b, 0x5b:
                try cursor.skipValue(depth: 1)
                value = .container
            default: throw .invalid
            }
            record(value, key: key, line)
            switch cursor.skipWhitespace() {
            case 0x2c: cursor.advance()
            case 0x7d:
                cursor.advance()
                return
            default: throw .invalid
            }
        }
    }

    /// Stores `value` under every wanted name that `key` equals.
    private mutating func record(_ value: JSONLineValue, key: JSONStringSpan, _ line: UnsafeRawBufferPointer)
    {
        let raw = UnsafeRawBufferPointer(rebasing: line[key.start..<key.end])
        if !key.escaped, key.ascii, !anyNonASCIIName {
            // The common case: plain ASCII keys and names compare byte for byte.
            for position in names.indices where names[position].bytes.count == raw.count {
                if names[position].bytes.withUnsafeBytes({ $0.elementsEqual(raw) }) {
                    values[position] = value
                }
            }
            return
        }
        keyBuffer.removeAll(keepingCapacity: true)
        JSONStringDecoder.append(key, of: line, to: &keyBuffer)
        let keyASCII = keyBuffer.allSatisfy { $0 < 0x80 }
        var keyText: String?
        for position in names.indices {
            let name = names[position]
            let equal: Bool
            if keyASCII, name.ascii {
                equal = name.bytes == keyBuffer
            } else {
                // Canonical equivalence can make different bytes equal (e.g. U+212A KELVIN SIGN and K).
                if keyText == nil { keyText = String(decoding: keyBuffer, as: UTF8.self) }
                equal = keyText == name.text
            }
            if equal { values[position] = value }
        }
    }
}
