/// Writes one JSON object into a byte buffer, key by key, in the order the caller gives.
///
/// Strings are valid Unicode (Swift guarantees it), so escaping only has to handle quotes,
/// backslashes, control characters and U+2028/U+2029 (which some JavaScript parsers reject raw).
struct JSONObjectWriter {
    private(set) var bytes: [UInt8]
    private var needsComma = false

    init(reservingCapacity capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// The finished object.
    consuming func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        Self.appendString(value, to: &bytes)
    }

    mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: String, _ value: Int?) {
        guard let value else { return }
        field(key, value)
    }

    mutating func field(_ key: String, strings: [String]) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.appendString(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// An array of objects, each written by `write` into a fresh writer.
    mutating func field<Element>(
        _ key: String, objects: [Element], _ write: (inout JSONObjectWriter, Element) -> Void
    ) {
        self.key(key)
        bytes.append(UInt8(ascii: "["))
        for (index, element) in objects.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var writer = JSONObjectWriter(reservingCapacity: 128)
            write(&writer, element)
            bytes.append(contentsOf: writer.finish())
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func key(_ key: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { buffer in
            var index = 0
            while index < buffer.count {
                let byte = buffer[index]
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x00..<0x20:
                    bytes.append(contentsOf: Array("\\u00".utf8))
                    bytes.append(hexDigits[Int(byte >> 4)])
                    bytes.append(hexDigits[Int(byte & 0xF)])
                case 0xE2
                where index + 2 < buffer.count && buffer[index + 1] == 0x80
                    && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
                    bytes.append(contentsOf: Array((buffer[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
