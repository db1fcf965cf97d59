import ArticlePipeline
import ExtractionScoring
import Foundation

/// Scores a quote/entity gold set made of WCXB pages (`page` is the WCXB file id, e.g.
/// `Tests/ArticlePipelineTests/Gold/wcxb-entities.jsonl`): enrichment alone on the ground truth's
/// `main_content` (one paragraph a line, as the benchmark writes it), and end to end on the page's
/// HTML with its URL. The scoring rules are `QuoteEntityScore`'s, the same as for the AEB gold set.
struct WCXBQuoteGoldEvaluation {
    let corpus: WCXBCorpus
    let goldFile: URL

    /// Every gold page in both modes; `misses` gets a line per miss (id, mode, what).
    func run(misses: inout [String]) throws(CorpusEvaluation.LoadError) -> QuoteEntitySummary {
        let gold = try GoldSetEvaluation.lines(goldFile, as: QuoteEntityGold.self)
        let pages = Dictionary(
            try corpus.pages().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pipeline = Pipeline()
        let enricher = TextEnricher()
        var onText = QuoteEntityScore()
        var onHTML = QuoteEntityScore()
        for item in gold {
            guard let page = pages[item.page] else {
                throw CorpusEvaluation.LoadError(description: "\(goldFile.path): no WCXB page \(item.page)")
            }
            let lines = page.text.split(separator: "\n").map { GoldMatching.collapse(String($0)) }
            let paragraphs = lines.filter { !$0.isEmpty }
            let enrichment = enricher.enrich(paragraphs: paragraphs)
            misses += onText.add(quotes: enrichment.quotes, entities: enrichment.entities, gold: item).map {
                "\(item.page) text: \($0)"
            }
            let record = try Self.record(page, corpus: corpus, pipeline: pipeline)
            let found = (quotes: record?.quotes ?? [], entities: record?.entities ?? [])
            misses += onHTML.add(quotes: found.quotes, entities: found.entities, gold: item).map {
                "\(item.page) html: \($0)"
            }
        }
        return QuoteEntitySummary(onText: onText, onHTML: onHTML)
    }

    /// The record of one WCXB page, end to end; nil when the pipeline refuses the page (it then
    /// counts as finding nothing).
    private static func record(
        _ page: WCXBCorpus.Page, corpus: WCXBCorpus, pipeline: Pipeline
    ) throws(CorpusEvaluation.LoadError) -> ArticleRecord? {
        guard let body = GzipFile.read(corpus.htmlURL(page.id)) else {
            throw CorpusEvaluation.LoadError(description: "unreadable page \(corpus.htmlURL(page.id).path)")
        }
        let raw = RawArticle(
            url: page.url, body: body, contentType: "text/html", source: SourceLocation(path: page.id))
        return try? pipeline.process(raw)
    }
}
