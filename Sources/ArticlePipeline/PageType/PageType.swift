/// The kinds of page a crawl holds, as the record's `page_type` names them.
public enum PageType: String, Sendable, CaseIterable {
    case article, forum, product, collection, listing, documentation, service

    /// Pages whose content is many short parts (cards, sections, entries) rather than one run of
    /// prose: when the prose the selector finds is a small share of the page, the whole page's
    /// kept text is the better reading.
    var isMadeOfParts: Bool {
        switch self {
        case .collection, .listing, .documentation, .service: return true
        case .article, .forum, .product: return false
        }
    }
}
