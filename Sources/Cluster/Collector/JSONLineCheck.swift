/// Checks that an output line from a worker is exactly one JSON object (RFC 8259 syntax, no raw
/// newline anywhere, nesting at most `maxDepth`) and reads its top-level `"id"` string: one pass
/// over the bytes, no allocation but the id, so the collector can afford it for every record.
struct JSONLineCheck {
    static let maxDepth = 128
    private static let idKey = Array("id".utf8)
    private static let stageKey = Array("stage".utf8)

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// The top-level string fields a check reads: a record's or a dead letter's `id`, and a dead
    /// letter's `stage`.
    struct Fields: Equatable {
        var id: String?
        var stage: String?
    }

    /// The line's top-level `id` and `stage` strings, or nil when the line is not one valid JSON object.
    static func fields(of line: [UInt8]) -> Fields? {
        line.withUnsafeBufferPointer { buffer in
            var check = JSONLineCheck(bytes: buffer)
            return check.topLevelObject()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func topLevelObject() -> Fields? {
        skipSpace()
        guard peek == UInt8(ascii: "{") else { return nil }
        var fields = Fields()
        guard object(depth: 1, fields: &fields) else { return nil }
        skipSpace()
        return index == bytes.count ? fields : nil
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Spaces and tabs only: a newline or carriage return would split the line in the output.
    private mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private mutating func value(depth: Int) -> Bool {
        skipSpace()
        guard depth <= Self.maxDepth, let byte = peek else { return false }
        switch byte {
        case UInt8(ascii: "{"):
            var ignored = Fields()
            return object(depth: depth + 1, fields: &ignored)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""):
            var ignored: [UInt8] = []
            return string(into: &ignored, keep: false)
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        default: return number()
        }
    }

    /// An object; at the top level, the values of its `"id"` and `"stage"` keys when they are strings.
    private mutating func object(depth: Int, fields: inout Fields) -> Bool {
        guard expect(UInt8(ascii: "{")) else { return false }
        skipSpace()
        if expect(UInt8(ascii: "}")) { return true }
        while true {
            skipSpace()
            var key: [UInt8] = []
            guard string(into: &key, keep: true) else { return false }
            skipSpace()
            guard expect(UInt8(ascii: ":")) else { return false }
            skipSpace()
            if depth == 1, key == Self.idKey || key == Self.stageKey, peek == UInt8(ascii: "\"") {
                var text: [UInt8] = []
                guard string(into: &text, keep: true) else { return false }
                let value = String(decoding: text, as: UTF8.self)
                if key == Self.idKey { fields.id = value } else { fields.stage = value }
            } else if !value(depth: depth) {
                return false
            }
            skipSpace()
            if expect(UInt8(ascii: "}")) { return true }
            guard expect(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func array(depth: Int) -> Bool {
        guard expect(UInt8(ascii: "[")) else { return false }
        skipSpace()
        if expect(UInt8(ascii: "]")) { return true }
        while true {
            guard value(depth: depth) else { return false }
            skipSpace()
            if expect(UInt8(ascii: "]")) { return true }
            guard expect(UInt8(ascii: ",")) else { return false }
        }
    }

    private mutating func string(into decoded: inout [UInt8], keep: Bool) -> Bool {
        guard expect(UInt8(ascii: "\"")) else { return false }
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return true
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return false }
                index += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    if keep { decoded.append(escaped) }
                case UInt8(ascii: "b"): if keep { decoded.append(0x08) }
                case UInt8(ascii: "f"): if keep { decoded.append(0x0C) }
                case UInt8(ascii: "n"): if keep { decoded.append(0x0A) }
                case UInt8(ascii: "r"): if keep { decoded.append(0x0D) }
                case UInt8(ascii: "t"): if keep { decoded.append(0x09) }
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return false }
                    // Ids are plain text; a \u escape in one is kept as the code unit's UTF-8.
                    if let scalar = Unicode.Scalar(unit) {
                        if keep { decoded.append(contentsOf: Array(String(Character(scalar)).utf8)) }
                    }
                default: return false
                }
            case 0x00..<0x20:
                return false
            default:
                if keep { decoded.append(byte) }
            }
        }
        return false
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Hex.value(bytes[index]) else { return nil }
            unit = unit << 4 | UInt32(digit)
            index += 1
        }
        return unit
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    private mutating func number() -> Bool {
        _ = expect(UInt8(ascii: "-"))
        guard let first = peek, isDigit(first) else { return false }
        index += 1
        if first != UInt8(ascii: "0") { digits() }
        if expect(UInt8(ascii: ".")) {
            guard let byte = peek, isDigit(byte) else { return false }
            digits()
        }
        if let byte = peek, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let byte = peek, isDigit(byte) else { return false }
            digits()
        }
        return true
    }

    private mutating func digits() {
        while let byte = peek, isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
