/// Runs every stage on one article. The stages, each in the folder that holds it:
///
/// 1. limits (`Pipeline/LimitsStage`): refuse empty or oversized bodies.
/// 2. decode (`Decode/DecodeStage`): charset to UTF-8, binary junk refused, HTML or text.
/// 3. parse (`HTML/ParseStage`): the light tree of an HTML page.
/// 4. extract (`MainText/HTMLExtractStage` with `MainTextSelector` and `Metadata/`, or
///    `MainText/TextScrapeExtractStage` for text scrapes): main text, metadata, images.
/// 5. clean (`Metadata/MetadataCleanup`, then a date from the URL when the page gave none).
/// 6. enrich (`Enrich/EnrichStage`): language, quotes, entities, temporal expressions, keywords.
/// 7. record (`Record/RecordStage`): the output record.
///
/// Not Sendable: one instance per thread, holding reusable buffers (the tokenizer's scratch space
/// and the charset converter's output chunk), so a worker allocates them once, not per article.
public final class Pipeline {
    /// Written into every record's `pipeline` field; bump it when output can change.
    public static let version = "presswork-pipeline/0.5.0"

    public let settings: PipelineSettings
    private let limits: LimitsStage
    private var decode = DecodeStage()
    private var parse: ParseStage
    private let extractHTML = HTMLExtractStage()
    private let extractText = TextScrapeExtractStage()
    private let enrich = EnrichStage()
    private let assemble = RecordStage()

    public init(settings: PipelineSettings = .init()) {
        self.settings = settings
        limits = LimitsStage(settings: settings)
        parse = ParseStage(settings: settings)
    }

    /// The record for `raw`, or the stage and reason it failed at.
    public func process(_ raw: RawArticle) throws(PipelineError) -> ArticleRecord {
        try limits.check(raw)
        let decoded = try decode.decode(raw)
        let extracted: ExtractedArticle
        switch decoded.format {
        case .html:
            let document = parse.parse(decoded)
            var article = extractHTML.extract(document, url: raw.url)
            article.warnings = document.warnings + article.warnings
            extracted = article
        case .text:
            extracted = extractText.extract(decoded.text)
        }
        var cleaned = extracted
        MetadataCleanup().clean(&cleaned, domain: raw.url.flatMap(RecordStage.domain))
        if cleaned.published == nil { cleaned.published = raw.url.flatMap(URLDate.date(in:)) }
        let enrichment = enrich.enrich(cleaned)
        return assemble.record(raw: raw, decoded: decoded, extracted: cleaned, enrichment: enrichment)
    }
}

@available(*, unavailable, message: "Pipeline holds per-thread buffers; create one per thread")
extension Pipeline: Sendable {}
