/// A page type by hand-written rules over what the page declares about itself and the shape of its
/// address: schema.org types (JSON-LD `@type`, microdata `itemtype`), `og:type`, the URL's host and
/// path segments, and code blocks (documentation). Declarations win over the URL; a page that gives
/// no signal is a `service` page when it is a site's home and an `article` otherwise (also when the
/// address is unknown).
///
/// No longer the record's choice on its own: its vote is one of the features of the learned
/// `PageTypeClassifier` (alone it scores 0.748 on the WCXB development labels). No site is named
/// anywhere: only words that sites of every kind use.
struct PageTypeRules {
    /// What one page shows, collected from its tree (see `PageSignals`).
    let signals: PageSignals

    func pageType() -> PageType {
        let types = signals.schemaTypes
        let og = signals.openGraphType
        if !types.isDisjoint(with: ["discussionforumposting", "qapage"]) || og == "forum" { return .forum }
        if isForumAddress { return .forum }
        if og == "product" || og == "product.item" || og.hasSuffix(":product") || og.hasSuffix(":item") {
            return .product
        }
        if og == "product.group" || og == "product:group" { return .collection }
        if types.contains("product") && types.contains("offer") && !types.contains("itemlist") {
            return .product
        }
        if hasSegment(Self.productSegments, followed: true) { return .product }
        if hasSegment(Self.collectionSegments) { return .collection }
        if hostHasLabel(Self.documentationHosts) || hasSegment(Self.documentationSegments) {
            return .documentation
        }
        if hasSegment(Self.listingSegments) || signals.query.contains("q=") { return .listing }
        let declaredArticle =
            og == "article"
            || !types.isDisjoint(with: ["newsarticle", "blogposting", "article", "reportagenewsarticle"])
        if declaredArticle { return .article }
        if signals.codeBlocks >= Self.documentationCodeBlocks { return .documentation }
        // A site's home page (an address with no path) presents the site; with no address at all
        // there is nothing to tell, and most pages of a crawl are articles.
        if signals.segments.isEmpty { return signals.host.isEmpty ? .article : .service }
        let last = signals.segments.last ?? ""
        if signals.segments.contains(where: Self.isYear) || last.split(separator: "-").count >= 4 {
            return .article
        }
        return .service
    }

    /// Code blocks (`<pre>`, `<code>`) from which an undeclared page reads as documentation.
    static let documentationCodeBlocks = 10
    static let forumHosts: Set<String> = [
        "forum", "forums", "community", "discuss", "discussion", "answers", "boards",
    ]
    static let forumSegments: Set<String> = [
        "t", "thread", "threads", "topic", "questions", "forum", "forums", "showthread.php", "viewtopic.php",
        "community", "discussion", "comments",
    ]
    static let productSegments: Set<String> = ["product", "products", "dp", "p", "item", "itm", "ip"]
    static let collectionSegments: Set<String> = [
        "collections", "collection", "category", "categories", "c", "shop", "browse", "department",
        "departments",
    ]
    static let documentationHosts: Set<String> = ["docs", "developer", "developers", "learn", "api"]
    static let documentationSegments: Set<String> = [
        "doc", "docs", "documentation", "api", "reference", "manual", "guide", "guides", "tutorial",
        "tutorials",
        "kb", "wiki", "library",
    ]
    static let listingSegments: Set<String> = [
        "search", "jobs", "listing", "listings", "topics", "tag", "tags", "directory", "results", "events",
        "find",
    ]

    var isForumAddress: Bool {
        hostHasLabel(Self.forumHosts) || signals.segments.contains(where: Self.forumSegments.contains)
    }

    /// True when the first label of the host (`forum.` in `forum.example.org`) is one of `labels`.
    func hostHasLabel(_ labels: Set<String>) -> Bool {
        guard let first = signals.host.split(separator: ".").first, signals.host.contains(".") else {
            return false
        }
        return labels.contains(String(first))
    }

    /// True when a path segment is in `set`; with `followed`, only when another segment follows it
    /// (`/product/NAME`, not a bare `/products` index).
    func hasSegment(_ set: Set<String>, followed: Bool = false) -> Bool {
        let segments = signals.segments
        for (index, segment) in segments.enumerated() where set.contains(segment) {
            if !followed || index + 1 < segments.count { return true }
        }
        return false
    }

    static func isYear(_ segment: String) -> Bool {
        segment.count == 4 && (segment.hasPrefix("19") || segment.hasPrefix("20"))
            && segment.allSatisfy(\.isNumber)
    }
}
