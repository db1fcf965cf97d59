/// Enrichment alone on given paragraphs (no markup, no metadata): what the quote/entity evaluation
/// scores on the benchmark's own article text, apart from extraction errors. Same stage as
/// `Pipeline`; the language is detected from the text.
public struct TextEnricher: Sendable {
    private let enrich = EnrichStage()

    public init() {}

    /// The quotes and entities of `paragraphs`.
    public func enrich(
        paragraphs: [String]
    ) -> (quotes: [ArticleRecord.Quote], entities: [ArticleRecord.Entity]) {
        var article = ExtractedArticle()
        article.paragraphs = paragraphs
        let enrichment = enrich.enrich(article)
        return (enrichment.quotes, enrichment.entities)
    }
}
