import ArticlePipeline
import ExtractionScoring
import Foundation

/// Scores the records of the project's hand-made gold sets: the field gold (title, published date,
/// language, authors) and the quote/entity gold, the latter both on the benchmark's own article
/// text (enrichment alone) and end to end on the HTML. The scoring rules live in `ArticlePipeline`
/// (`FieldGoldScore`, `QuoteEntityScore`), shared with the tests.
struct GoldSetEvaluation {
    let corpus: CorpusEvaluation
    let fieldsFile: URL
    let quotesFile: URL

    /// Reads a JSON Lines gold file.
    static func lines<T: Decodable>(_ file: URL, as type: T.Type) throws(CorpusEvaluation.LoadError) -> [T] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else {
            throw CorpusEvaluation.LoadError(description: "unreadable gold set \(file.path)")
        }
        var result: [T] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let item = try? JSONDecoder().decode(T.self, from: Data(line.utf8)) else {
                throw CorpusEvaluation.LoadError(description: "\(file.path):\(number + 1): not a gold line")
            }
            result.append(item)
        }
        return result
    }

    private static func id(_ page: String) -> String {
        page.hasSuffix(".html") ? String(page.dropLast(5)) : page
    }

    /// Every field gold page, end to end; `misses` gets a line per wrong field.
    func fields(
        pipeline: Pipeline, misses: inout [String]
    ) throws(CorpusEvaluation.LoadError) -> FieldGoldScore {
        var score = FieldGoldScore()
        for gold in try Self.lines(fieldsFile, as: FieldGold.self) {
            let record = try corpus.record(Self.id(gold.page), pipeline: pipeline)
            misses += score.add(record, gold: gold).map { "\(gold.page.prefix(8)) \($0)" }
        }
        return score
    }

    /// Every quote/entity gold page, on the benchmark text and end to end.
    func quotes(
        pipeline: Pipeline, misses: inout [String]
    ) throws(CorpusEvaluation.LoadError) -> (
        onText: QuoteEntityScore, onHTML: QuoteEntityScore
    ) {
        let enricher = TextEnricher()
        var onText = QuoteEntityScore()
        var onHTML = QuoteEntityScore()
        for gold in try Self.lines(quotesFile, as: QuoteEntityGold.self) {
            let id = Self.id(gold.page)
            let paragraphs = try corpus.goldText(id).split(separator: "\n").map {
                GoldMatching.collapse(String($0))
            }.filter { !$0.isEmpty }
            let enrichment = enricher.enrich(paragraphs: paragraphs)
            misses += onText.add(quotes: enrichment.quotes, entities: enrichment.entities, gold: gold).map {
                "\(gold.page.prefix(8)) text: \($0)"
            }
            let record = try corpus.record(id, pipeline: pipeline)
            misses += onHTML.add(quotes: record.quotes, entities: record.entities, gold: gold).map {
                "\(gold.page.prefix(8)) html: \($0)"
            }
        }
        return (onText, onHTML)
    }
}
