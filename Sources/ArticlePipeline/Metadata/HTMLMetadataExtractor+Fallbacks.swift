/// Fallbacks for pages whose `<meta>` tags lack authors or a date: JSON-LD, microdata and visible
/// bylines, and the test that tells a headline `<h1>` from a site-name one.
extension HTMLMetadataExtractor {
    /// A parsed JSON value (JSON-LD blocks only; enough for names and dates).
    indirect enum JSONValue {
        case string(String)
        case array([JSONValue])
        case object([(String, JSONValue)])
        case other

        subscript(key: String) -> JSONValue? {
            guard case .object(let pairs) = self else { return nil }
            return pairs.first { $0.0 == key }?.1
        }

        var string: String? {
            if case .string(let value) = self { return value }
            return nil
        }
    }

    /// A small JSON parser over the bytes of a script; nil when the text is not JSON.
    struct JSONParser {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        static func parse(_ text: String) -> JSONValue? {
            var parser = JSONParser(text)
            return parser.value(depth: 0)
        }

        private mutating func skipSpace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                    || bytes[index] == 0x09
            {
                index += 1
            }
        }

        private mutating func value(depth: Int) -> JSONValue? {
            skipSpace()
            guard index < bytes.count, depth < 64 else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var pairs: [(String, JSONValue)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(pairs)
                }
                while true {
                    skipSpace()
                    guard let key = string(), expect(UInt8(ascii: ":")), let item = value(depth: depth + 1)
                    else { return nil }
                    pairs.append((key, item))
                    skipSpace()
                    if expect(UInt8(ascii: ",")) { continue }
                    return expect(UInt8(ascii: "}")) ? .object(pairs) : nil
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value(depth: depth + 1) else { return nil }
                    items.append(item)
                    skipSpace()
                    if expect(UInt8(ascii: ",")) { continue }
                    return expect(UInt8(ascii: "]")) ? .array(items) : nil
                }
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            default:
                let start = index
                while index < bytes.count, !",}] \n\r\t".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? .other : nil
            }
        }

        private mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string literal; `\uXXXX` escapes of the BMP are decoded, others kept as their character.
        private mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var result: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if byte == UInt8(ascii: "\"") { return String(decoding: result, as: UTF8.self) }
                guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                    result.append(byte)
                    continue
                }
                let escaped = bytes[index]
                index += 1
                switch escaped {
                case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"): result.append(0x20)
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count,
                        let code = UInt32(
                            String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    index += 4
                    result.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: result.append(escaped)
                }
            }
            return nil
        }
    }

    /// The article-like objects of a JSON-LD block: the top level, array items and `@graph` items.
    static func jsonLDObjects(_ value: JSONValue) -> [JSONValue] {
        switch value {
        case .array(let items): return items.flatMap(jsonLDObjects)
        case .object:
            var result = [value]
            if let graph = value["@graph"] { result += jsonLDObjects(graph) }
            return result
        default: return []
        }
    }

    /// Names of the people in a JSON-LD `author` value (organisations are skipped).
    static func jsonLDPeople(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let name): return name.lowercased().hasPrefix("http") ? [] : [name]
        case .array(let items): return items.flatMap(jsonLDPeople)
        case .object:
            if let type = value["@type"]?.string, type.lowercased().contains("organization") { return [] }
            guard let name = value["name"]?.string?.collapsingWhitespace(), !name.isEmpty else { return [] }
            return [name]
        default: return []
        }
    }

    /// Names of the organisations in a JSON-LD `author` value.
    static func jsonLDOrganisations(_ value: JSONValue) -> [String] {
        switch value {
        case .array(let items): return items.flatMap(jsonLDOrganisations)
        case .object:
            guard let type = value["@type"]?.string, type.lowercased().contains("organization"),
                let name = value["name"]?.string?.collapsingWhitespace(), !name.isEmpty
            else { return [] }
            return [name]
        default: return []
        }
    }

    /// Whether a class attribute marks a visible byline or author name.
    static func isBylineClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Most class attributes name neither: answer those without splitting into tokens.
        guard ASCII.contains(bytes, "byline") || ASCII.contains(bytes, "author") else { return false }
        return bytes.split(separator: 0x20).contains { token in
            if ASCII.contains(token, "byline") {
                return !ASCII.contains(token, "date") && !ASCII.contains(token, "time")
            }
            guard ASCII.contains(token, "author") else { return false }
            return !bylineExclusions.contains { ASCII.contains(token, $0) }
        }
    }

    /// Words in an "author" class token that mark something beside the byline (or another word:
    /// "authorities", "authorized").
    private static let bylineExclusions: [StaticString] = [
        "bio", "image", "img", "avatar", "description", "profile", "flyout", "comment", "related", "role",
        "social", "date", "time", "contact", "more", "authorit", "authoriz",
    ]

    /// Names of a visible byline ("By A, B and C", "Text: A"), or nil when it does not read as names.
    static func bylineNames(_ text: String) -> [String]? {
        var value = text.collapsingWhitespace()
        if let colon = value.firstIndex(of: ":"), !value[..<colon].contains(" ") {
            value = String(value[value.index(after: colon)...]).trimmingASCIIWhitespace()
        }
        // A label alone ("By" with the name in another element) is not a name.
        guard !value.isEmpty, value.count <= 120,
            !["by", "von", "par", "por", "di", "door"].contains(value.lowercased())
        else { return nil }
        let names = splitAuthors([value])
        guard !names.isEmpty,
            names.allSatisfy({ name in
                let words = name.split(separator: " ")
                return (1...5).contains(words.count) && (words.first?.first?.isUppercase ?? false)
                    && !name.contains(where: { $0.isNumber || $0 == "|" || $0 == "@" })
            })
        else { return nil }
        return names
    }

    /// Whether `node` lies inside `ancestor`.
    func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        var current = Int(document.nodes[node].parent)
        while current >= 0 {
            if current == ancestor { return true }
            current = Int(document.nodes[current].parent)
        }
        return false
    }

    /// The text of the first `itemprop=name` inside `node` (the `content` of a `<meta>`: `<meta
    /// itemprop="name" content="luizjr4">`), or the node's own text.
    func itemName(_ node: Int) -> String {
        var index = node + 1
        while index < document.nodes.count, isInside(index, node) {
            if document.nodes[index].kind == .element, document.attribute("itemprop", of: index) == "name" {
                if document.nodes[index].tag == .meta, let content = document.attribute("content", of: index)
                {
                    return content.collapsingWhitespace()
                }
                return document.rawText(of: index).collapsingWhitespace()
            }
            index += 1
        }
        return document.rawText(of: node).collapsingWhitespace()
    }
}
