/// The kinds of page a crawl holds, as the record's `page_type` names them.
public enum PageType: String, Sendable, CaseIterable {
    case article, forum, product, collection, listing, documentation, service
}
