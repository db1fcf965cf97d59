/// What `PageTypeClassifier` reads from one page: its declared types and the shape of its address.
struct PageSignals {
    /// schema.org types, lower-cased: JSON-LD `@type` values and microdata `itemtype` names.
    var schemaTypes: Set<String> = []
    /// The `og:type` meta value, lower-cased and trimmed ("" when absent).
    var openGraphType = ""
    /// `<pre>` and `<code>` elements.
    var codeBlocks = 0
    /// The URL's lower-cased host without `www.`, its non-empty path segments and its query.
    var host = ""
    var segments: [String] = []
    var query = ""
    /// Which of `declaredNames` the page declares: meta properties and names, `<link rel>` values.
    var declared: Set<String> = []

    /// Declarations that tell stories (publication times, authors, AMP versions) and products
    /// (prices, availability); `alternate` is an RSS or Atom feed. In a fixed order: each is a feature.
    static let declaredNames: [String] = [
        "article:published_time", "article:modified_time", "article:author", "article:section", "article:tag",
        "author", "product:price:amount", "og:price:amount", "product:availability", "og:availability",
        "twitter:label1", "amphtml", "alternate",
    ]
    private static let declaredNameSet = Set(declaredNames)

    init(document: HTMLDocument, url: String?) {
        if let url { readAddress(url) }
        for index in document.nodes.indices where document.nodes[index].kind == .element {
            switch document.nodes[index].tag {
            case .pre, .code: codeBlocks += 1
            case .meta:
                guard
                    let key =
                        (document.attribute("property", of: index) ?? document.attribute("name", of: index))?
                        .lowercased()
                else { break }
                if key == "og:type" {
                    var value = Substring((document.attribute("content", of: index) ?? "").lowercased())
                    while value.first?.isWhitespace == true { value.removeFirst() }
                    while value.last?.isWhitespace == true { value.removeLast() }
                    openGraphType = String(value)
                } else if Self.declaredNameSet.contains(key) {
                    declared.insert(key)
                }
            case .link:
                if let rel = document.attribute("rel", of: index)?.lowercased(),
                    rel == "amphtml" || rel == "alternate",
                    rel == "amphtml"
                        || document.attribute("type", of: index)?.lowercased().contains("rss") == true
                {
                    declared.insert(rel)
                }
            case .script:
                guard document.attribute("type", of: index)?.lowercased() == "application/ld+json" else {
                    break
                }
                readJSONLDTypes(document.rawText(of: index))
            default: break
            }
            if document.nodes[index].attributeCount > 0,
                let slot = document.attributeSlot("itemtype", of: index)
            {
                readItemType(document.bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)])
            }
        }
    }

    /// Adds the last path segment of every URL of an `itemtype` value, lower-cased. ASCII values
    /// (all of schema.org's) are split on bytes; others as Characters.
    private mutating func readItemType(_ value: ArraySlice<UInt8>) {
        guard value.allSatisfy({ $0 < 0x80 }) else {
            for part in String(decoding: value, as: UTF8.self).split(separator: " ") {
                if let name = part.split(separator: "/").last { schemaTypes.insert(name.lowercased()) }
            }
            return
        }
        for part in value.split(separator: UInt8(ascii: " ")) {
            if let name = part.split(separator: UInt8(ascii: "/")).last {
                schemaTypes.insert(String(decoding: name.lazy.map(ASCII.lowercased), as: UTF8.self))
            }
        }
    }

    /// Adds every string value of an `"@type"` key (a string or an array of strings). Reads bytes:
    /// JSON-LD blocks can be long, and this runs on every page.
    private mutating func readJSONLDTypes(_ text: String) {
        var text = text
        let found: [String] = text.withUTF8 { bytes in
            var values: [String] = []
            let count = bytes.count
            let key = Array("\"@type\"".utf8)
            var index = 0
            func skip(_ index: inout Int, _ extra: UInt8) {
                while index < count && (ASCII.isWhitespace(bytes[index]) || bytes[index] == extra) {
                    index += 1
                }
            }
            outer: while index + key.count <= count {
                guard bytes[index] == key[0] else {
                    index += 1
                    continue
                }
                for offset in 1..<key.count where bytes[index + offset] != key[offset] {
                    index += 1
                    continue outer
                }
                index += key.count
                skip(&index, UInt8(ascii: ":"))
                let isArray = index < count && bytes[index] == UInt8(ascii: "[")
                if isArray { index += 1 }
                repeat {
                    skip(&index, UInt8(ascii: ","))
                    guard index < count, bytes[index] == UInt8(ascii: "\"") else { break }
                    var end = index + 1
                    while end < count && bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    guard end < count else { break }
                    values.append(
                        String(
                            decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self))
                    index = end + 1
                    skip(&index, UInt8(ascii: " "))
                } while isArray && index < count && bytes[index] == UInt8(ascii: ",")
            }
            return values
        }
        for value in found { schemaTypes.insert(value.lowercased()) }
    }

    private mutating func readAddress(_ url: String) {
        if url.utf8.allSatisfy({ $0 < 0x80 }) {
            readASCIIAddress(Array(url.utf8))
            return
        }
        guard let schemeEnd = url.firstRange(of: "://") else { return }
        let afterScheme = url[schemeEnd.upperBound...]
        let isHostEnd: (Character) -> Bool = { $0 == "/" || $0 == "?" || $0 == "#" }
        let hostEnd = afterScheme.firstIndex(where: isHostEnd) ?? afterScheme.endIndex
        host = afterScheme[..<hostEnd].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = afterScheme[hostEnd...]
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let question = path.firstIndex(of: "?") {
            query = path[path.index(after: question)...].lowercased()
            path = path[..<question]
        }
        segments = path.lowercased().split(separator: "/").map(String.init)
    }

    /// `readAddress` of an ASCII URL, on its bytes (a Character at a time costs ten times more;
    /// in ASCII both read the same parts).
    private mutating func readASCIIAddress(_ url: [UInt8]) {
        let scheme = Array("://".utf8)
        guard let schemeStart = url.indices.first(where: { url[$0...].starts(with: scheme) }) else { return }
        let afterScheme = url[(schemeStart + 3)...]
        let hostEnd =
            afterScheme.firstIndex(where: {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#")
            })
            ?? afterScheme.endIndex
        let lowered: (ArraySlice<UInt8>) -> String = {
            String(decoding: $0.lazy.map(ASCII.lowercased), as: UTF8.self)
        }
        host = lowered(afterScheme[..<hostEnd])
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var path = afterScheme[hostEnd...]
        if let hash = path.firstIndex(of: UInt8(ascii: "#")) { path = path[..<hash] }
        if let question = path.firstIndex(of: UInt8(ascii: "?")) {
            query = lowered(path[(question + 1)...])
            path = path[..<question]
        }
        segments = path.split(separator: UInt8(ascii: "/")).map(lowered)
    }
}
