/// Reads microdata and link relations on any element: `itemprop=datePublished` (else
/// `dateCreated`), `itemprop=dateModified`, `itemprop=author` (its `itemprop=name` inside, else its text) and
/// `rel=author`. The first value of each is kept; a date or an author inside a comment's item is
/// the comment's, not the page's.
struct MicrodataCollector {
    let document: HTMLDocument
    /// The first `datePublished`, with its node.
    private(set) var published: (value: String, node: Int)?
    /// The first `dateCreated`, with its node.
    private(set) var created: (value: String, node: Int)?
    private(set) var modified: String?
    private(set) var author: String?
    /// The element `author` was read from.
    private(set) var authorNode: Int?
    private(set) var relAuthor: String?

    init(document: HTMLDocument) { self.document = document }

    /// Reads element `index`.
    mutating func read(_ index: Int) {
        guard document.nodes[index].attributeCount > 0 else { return }
        let itemprop = document.attribute("itemprop", of: index)?.lowercased().split(separator: " ") ?? []
        if !itemprop.isEmpty { readItemprop(itemprop, of: index) }
        if relAuthor == nil, document.attribute("rel", of: index)?.lowercased() == "author" {
            let name = document.rawText(of: index).collapsingWhitespace()
            if !name.isEmpty { relAuthor = name }
        }
    }

    /// A microdata date: `datetime`, `content`, else the element's text.
    private func dateValue(of index: Int) -> String {
        document.attribute("datetime", of: index) ?? document.attribute("content", of: index)
            ?? document.rawText(of: index).collapsingWhitespace()
    }

    private mutating func readItemprop(_ itemprop: [Substring], of index: Int) {
        let extractor = HTMLMetadataExtractor(document: document)
        let inComment = { extractor.isInComment(index) }
        if published == nil, itemprop.contains("datepublished"), !inComment() {
            published = (dateValue(of: index), index)
        }
        // As in JSON-LD, `dateCreated` stands for the publication when no `datePublished` is given
        // (a forum thread's `DiscussionForumPosting`).
        if created == nil, itemprop.contains("datecreated"), !inComment() {
            created = (dateValue(of: index), index)
        }
        if modified == nil, itemprop.contains("datemodified") {
            modified = document.attribute("datetime", of: index) ?? document.attribute("content", of: index)
        }
        if author == nil, itemprop.contains("author"), !inComment() {
            let name = HTMLMetadataExtractor(document: document).itemName(index)
            if !name.isEmpty {
                author = name
                authorNode = index
            }
        }
    }
}
