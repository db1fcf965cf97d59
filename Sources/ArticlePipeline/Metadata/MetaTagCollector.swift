/// Reads the page's head declarations: `<meta>` tags (Open Graph, `article:*`, `name=…`,
/// `itemprop=…`, `http-equiv`), the `<title>`, the canonical link and `<html lang>`. One element at a
/// time, in document order; the first value of each key is kept.
struct MetaTagCollector {
    let document: HTMLDocument
    /// Content of each meta key (lower-cased), first seen.
    private(set) var meta: [String: String] = [:]
    /// `author`, `article:author` and `dc.creator` values that are not addresses.
    private(set) var authors: [String] = []
    /// The first meta whose key says it holds a publication date ("date", "dc.date", "pubdate").
    private(set) var date: String?
    /// The first meta named `datePublished` (microdata written as a meta tag), with its node.
    private(set) var itemDate: (value: String, node: Int)?
    private(set) var htmlLanguage: String?
    private(set) var documentTitle: String?
    private(set) var canonical: String?

    init(document: HTMLDocument) { self.document = document }

    /// Reads element `index` when it is one of the head's declarations. False for a `<meta>` with
    /// no key or no content: it says nothing, to this source or any other.
    mutating func read(_ index: Int) -> Bool {
        switch document.nodes[index].tag {
        case .meta:
            guard let (key, content) = Self.keyAndContent(index, in: document) else { return false }
            if key == "author" || key == "article:author" || key == "dc.creator" {
                if !content.lowercased().hasPrefix("http") { authors.append(content) }
            }
            if key == "datepublished", itemDate == nil { itemDate = (content, index) }
            if date == nil, HTMLMetadataExtractor.isDateKey(key) { date = content }
            if meta[key] == nil { meta[key] = content }
        case .html:
            htmlLanguage =
                htmlLanguage ?? document.attribute("lang", of: index)
                ?? document.attribute("xml:lang", of: index)
        case .title where documentTitle == nil && !isInsideSVG(index):
            documentTitle = document.rawText(of: index).collapsingWhitespace()
        case .link where canonical == nil:
            if document.attribute("rel", of: index)?.lowercased() == "canonical" {
                canonical = document.attribute("href", of: index)
            }
        default:
            break
        }
        return true
    }

    /// Card labels that introduce the writer's name.
    private static let writerLabels: Set<String> = ["written by", "author", "by"]

    /// The value of the first `twitter:dataN` whose `twitter:labelN` names the writer.
    var cardWriter: String? {
        for number in 1...4 {
            guard let label = meta["twitter:label\(number)"] else { continue }
            if Self.writerLabels.contains(label.lowercased()) { return meta["twitter:data\(number)"] }
        }
        return nil
    }

    /// Whether element `index` lies in an `<svg>`, whose `<title>` labels an icon, not the page.
    private func isInsideSVG(_ index: Int) -> Bool {
        var current = Int(document.nodes[index].parent)
        while current > 0 {
            if document.nodes[current].tag == .svg { return true }
            current = Int(document.nodes[current].parent)
        }
        return false
    }

    /// The lower-cased key (`property`, `name`, `itemprop` or `http-equiv`) and the collapsed,
    /// non-empty content of a `<meta>`.
    private static func keyAndContent(_ index: Int, in document: HTMLDocument) -> (String, String)? {
        let key =
            (document.attribute("property", of: index) ?? document.attribute("name", of: index)
            ?? document.attribute("itemprop", of: index) ?? document.attribute("http-equiv", of: index))?
            .lowercased()
        guard let key, let content = document.attribute("content", of: index)?.collapsingWhitespace(),
            !content.isEmpty
        else { return nil }
        return (key, content)
    }
}
