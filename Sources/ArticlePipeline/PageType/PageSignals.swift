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

    init(document: HTMLDocument, url: String?) {
        if let url { readAddress(url) }
        for index in document.nodes.indices where document.nodes[index].kind == .element {
            switch document.nodes[index].tag {
            case .pre, .code: codeBlocks += 1
            case .meta:
                if let property = document.attribute("property", of: index),
                    property.lowercased() == "og:type"
                {
                    let value = (document.attribute("content", of: index) ?? "").lowercased()
                    openGraphType = String(
                        value.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
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

    /// Adds every string value of an `"@type"` key (a string or an array of strings).
    private mutating func readJSONLDTypes(_ text: String) {
        var rest = Substring(text)
        while let key = rest.firstRange(of: "\"@type\"") {
            rest = rest[key.upperBound...].drop {
                $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" || $0 == "\r"
            }
            let isArray = rest.first == "["
            if isArray { rest = rest.dropFirst() }
            repeat {
                rest = rest.drop { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" || $0 == "\r" }
                guard rest.first == "\"", let end = rest.dropFirst().firstIndex(of: "\"") else { break }
                schemaTypes.insert(rest[rest.index(after: rest.startIndex)..<end].lowercased())
                rest = rest[rest.index(after: end)...]
            } while isArray && rest.drop(while: { $0 == " " }).first == ","
        }
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
