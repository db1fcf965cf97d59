/// Output of the extract stages (HTML or text scrape): the article's text and metadata, before the
/// record is assembled. Fields the page did not state are nil, never guessed.
struct ExtractedArticle: Sendable, Equatable {
    var title: String?
    var section: String?
    var authors: [String] = []
    var published: String?
    /// The page's last update ("Updated …", `article:modified_time`, JSON-LD `dateModified`).
    var modified: String?
    var description: String?
    var language: String?
    /// The kind of page (`PageType`), HTML pages only.
    var pageType: String?
    /// Paragraphs of the article body, whitespace collapsed, boilerplate removed.
    var paragraphs: [String] = []
    var images: [ArticleRecord.Image] = []
    var warnings: [String] = []
}
