/// The value a wanted field had in the last line scanned.
enum JSONLineValue: Equatable {
    case absent
    /// A string, decoded into the scanner's scratch space at this range (see `JSONLineScanner.bytes`).
    case string(Range<Int>)
    /// A number; the range of its text, exactly as written, in the line.
    case number(Range<Int>)
    case boolean
    case null
    /// An object or an array.
    case container
}

/// Walks the top-level object of one JSON line in a single validating pass and decodes the values
/// of a few wanted field names on the way, without materialising anything else.
///
/// The whole line is validated as strictly as RFC 8259 asks (UTF-8 only; a UTF-8 byte order mark
/// at the start is accepted, as Foundation does), so a line is either rejected or every value in it
/// is well-formed. Values of other keys, however large or deep, are only walked over. Wanted strings
/// are decoded into one scratch buffer, reused from line to line, from which the caller copies what
/// it keeps.
///
/// Duplicate keys: the last occurrence wins, and key names compare by Swift `String` equality
/// (canonical equivalence), which is what reading the line into a `[String: Any]` did.
/// Not thread-safe: one scanner per reader.
final class JSONLineScanner {
    private struct Name {
        var bytes: [UInt8]
        var text: String
        var ascii: Bool
    }

    /// Above this the scratch buffer is given back after a line much shorter than it.
    private static let keptScratch = 4 << 20

    private let names: [Name]
    private let anyNonASCIIName: Bool
    /// `values[i]` is the value of `fieldNames[i]` in the last line scanned.
    private(set) var values: [JSONLineValue]
    /// Positions of `names` the current key equals.
    private var matches: [Int] = []
    private var scratch: UnsafeMutableRawBufferPointer
    private var scratchUsed = 0

    /// `fieldNames` may repeat a name; each position gets its value.
    init(fieldNames: [String]) {
        names = fieldNames.map {
            Name(bytes: Array($0.utf8), text: $0, ascii: $0.utf8.allSatisfy { $0 < 0x80 })
        }
        anyNonASCIIName = names.contains { !$0.ascii }
        values = Array(repeating: .absent, count: fieldNames.count)
        scratch = .allocate(byteCount: 64 << 10, alignment: 8)
    }

    deinit {
        scratch.deallocate()
    }

    /// The decoded bytes of a `.string` value of the last line.
    func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(rebasing: scratch[range]))
    }

    /// The decoded text of a `.string` value of the last line.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: scratch[range]), as: UTF8.self)
    }

    /// Scans one line (without its newline); afterwards `values` describe it.
    func scan(_ line: UnsafeRawBufferPointer) throws(JSONLineError) {
        for position in values.indices { values[position] = .absent }
        prepareScratch(for: line.count)
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
            try members(&cursor)
        }
        guard cursor.skipWhitespace() == nil else { throw .invalid }
    }

    /// Decoded strings are never longer than their text in the line, so the line's length is room
    /// enough for every wanted string of it.
    private func prepareScratch(for length: Int) {
        scratchUsed = 0
        let shrink = scratch.count > Self.keptScratch && length < scratch.count / 4
        guard scratch.count < length || shrink else { return }
        scratch.deallocate()
        scratch = .allocate(byteCount: max(length, 64 << 10), alignment: 8)
    }

    /// The members of the top-level object, up to and including its closing brace.
    private func members(_ cursor: inout JSONByteCursor) throws(JSONLineError) {
        while true {
            guard cursor.skipWhitespace() == 0x22 else { throw .invalid }
            let key = try cursor.string()
            try cursor.expect(0x3a)
            match(key, cursor)
            let value: JSONLineValue
            switch cursor.skipWhitespace() ?? 0 {
            case 0x22 where matches.isEmpty:
                _ = try cursor.string()
                value = .absent
            case 0x22:
                let decoded = try cursor.string(decodingInto: scratch.baseAddress! + scratchUsed)
                value = .string(scratchUsed..<(scratchUsed + decoded.count))
                scratchUsed += decoded.count
            case 0x2d, 0x30...0x39: value = .number(try cursor.number())
            case 0x74, 0x66, 0x6e: value = try cursor.literal() ? .boolean : .null
            case 0x7b, 0x5b:
                try cursor.skipValue(depth: 1)
                value = .container
            default: throw .invalid
            }
            for position in matches { values[position] = value }
            switch cursor.skipWhitespace() {
            case 0x2c: cursor.advance()
            case 0x7d:
                cursor.advance()
                return
            default: throw .invalid
            }
        }
    }

    /// Sets `matches` to the positions of the wanted names that `key` equals.
    private func match(_ key: JSONStringSpan, _ cursor: JSONByteCursor) {
        matches.removeAll(keepingCapacity: true)
        let raw = UnsafeRawBufferPointer(start: cursor.base + key.start, count: key.end - key.start)
        if !key.escaped, key.ascii, !anyNonASCIIName {
            // The common case: plain ASCII keys and names compare byte for byte.
            for position in names.indices where names[position].bytes.count == raw.count {
                if names[position].bytes.withUnsafeBytes({ $0.elementsEqual(raw) }) {
                    matches.append(position)
                }
            }
            return
        }
        // Decode the key into free scratch space (it is valid: the cursor has passed it).
        var keyCursor = JSONByteCursor(UnsafeRawBufferPointer(start: cursor.base, count: key.end + 1))
        keyCursor.index = key.start - 1
        let free = scratch.baseAddress! + scratchUsed
        let length = (try? keyCursor.string(decodingInto: free).count) ?? 0
        let decoded = UnsafeRawBufferPointer(start: free, count: length)
        let keyASCII = decoded.allSatisfy { $0 < 0x80 }
        var keyText: String?
        for position in names.indices {
            let name = names[position]
            let equal: Bool
            if keyASCII, name.ascii {
                equal = name.bytes.elementsEqual(decoded)
            } else {
                // Canonical equivalence can make different bytes equal (U+212A KELVIN SIGN and K).
                if keyText == nil { keyText = String(decoding: decoded, as: UTF8.self) }
                equal = keyText == name.text
            }
            if equal { matches.append(position) }
        }
    }
}
