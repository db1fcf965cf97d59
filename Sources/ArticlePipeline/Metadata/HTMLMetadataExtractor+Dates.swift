/// Dates kept apart: what the page says about its last update (`modified`) never stands in for its
/// publication, and declarations of a plain web page's record dates are not publication dates.
extension HTMLMetadataExtractor {
    /// Meta names that carry the last update: `article:modified_time`, `og:updated_time`, ….
    static let modifiedKeys = [
        "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
        "last-modified", "modified", "lastmod",
    ]

    /// JSON-LD types of pages that are not a dated piece of writing: their `datePublished` is when
    /// the page record was made (a site's "About" page, a product, a shop's category).
    private static let undatedPageTypes: Set<String> = [
        "webpage", "collectionpage", "itempage", "aboutpage", "contactpage", "searchresultspage",
        "profilepage",
        "website", "product", "productgroup", "organization", "corporation", "localbusiness", "course",
        "service", "offer", "brand", "store", "place",
    ]

    /// Whether a JSON-LD object's `@type` (a string or a list) names only undated page types.
    static func isUndatedPage(_ object: JSONValue) -> Bool {
        let types: [String]
        switch object["@type"] {
        case .string(let type): types = [type]
        case .array(let items): types = items.compactMap(\.string)
        default: return false
        }
        return !types.isEmpty && types.allSatisfy { undatedPageTypes.contains($0.lowercased()) }
    }

    /// Whether the text node `index`, or the text just before it in the same short block, holds an
    /// update label ("<span>Updated:</span> <time>…</time>").
    func isAfterUpdateLabel(_ index: Int) -> Bool {
        if hasUpdateLabel(index) { return true }
        var previous = index - 1
        var steps = 0
        while previous > 0, steps < 6 {
            if document.nodes[previous].kind == .text, document.nodes[previous].length >= 4 {
                return document.nodes[previous].length <= 40 && hasUpdateLabel(previous)
            }
            previous -= 1
            steps += 1
        }
        return false
    }

    /// Whether the text of node `index` holds an update label.
    func hasUpdateLabel(_ index: Int) -> Bool {
        let node = document.nodes[index]
        guard node.kind == .text else { return false }
        let start = Int(node.start)
        return UpdateLabels.matcher.firstMatch(in: document.bytes[start..<start + Int(node.length)]) != nil
    }

    /// The first text element (`<time>`, or any element's own text) inside `element`, for telling
    /// whether a `<time>` follows an update label.
    func firstText(in element: Int) -> Int? {
        var index = element + 1
        while index < document.nodes.count, isInside(index, element) {
            if document.nodes[index].kind == .text { return index }
            index += 1
        }
        return nil
    }

    /// The first update date in a short visible text with an update label ("Last updated: 13
    /// March 2024", "<b>Updated</b> 05/10/2018").
    func labelledModified(order: DateNormaliser.NumericOrder, in range: Range<Int>? = nil) -> String? {
        let nodes = range.map { $0.clamped(to: document.nodes.indices) } ?? document.nodes.indices
        for index in nodes where isVisibleText(index, maxLength: 240) && hasUpdateLabel(index) {
            let text = document.text(of: index)
            if let date = Self.plausibleDate(Self.afterUpdateLabel(text), order: order) { return date }
            // The date may sit in a neighbour: up to three enclosing elements are read while short.
            var block = Int(document.nodes[index].parent)
            for _ in 0..<3 where block > 0 {
                guard let around = spacedText(of: block, limit: 240) else { break }
                if let date = Self.plausibleDate(Self.afterUpdateLabel(around), order: order) { return date }
                block = Int(document.nodes[block].parent)
            }
        }
        return nil
    }

    /// The text from its update label on ("Published 1 May 2020. Updated 3 May 2020" → "Updated 3 May
    /// 2020").
    static func afterUpdateLabel(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let label = UpdateLabels.matcher.firstMatch(in: bytes) else { return text }
        return String(decoding: bytes[label.lowerBound...], as: UTF8.self)
    }
}
