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
                    let value = (document.attribute("content", of: index) ?? "").lowercased()
                    openGraphType = String(
                        value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
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
            if document.nodes[index].attributeCount > 0, let type = document.attribute("itemtype", of: index)
            {
                for value in type.split(separator: " ") {
                    if let name = value.split(separator: "/").last { schemaTypes.insert(name.lowercased()) }
                }
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
}
