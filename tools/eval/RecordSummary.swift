import ArticlePipeline
import ExtractionScoring

/// The record-level scores beside the main-text F1: the fields of the field gold set, and quotes,
/// speakers and entities of the quote/entity gold set on the benchmark text and on the HTML.
struct RecordSummary {
    var fields: FieldGoldScore
    var onText: QuoteEntityScore
    var onHTML: QuoteEntityScore

    private var quotes: QuoteEntitySummary { QuoteEntitySummary(onText: onText, onHTML: onHTML) }

    /// Every figure by group and metric, the shape of `tools/quality/floor-aeb.json`.
    var scores: [String: [String: Double]] {
        var result = quotes.scores
        result["fields"] = Dictionary(
            uniqueKeysWithValues: fields.fields.map { ($0.name, $0.tally.fraction) })
        return result
    }

    /// The human table.
    func lines() -> [String] {
        let f = EvaluationSummary.format
        var lines = ["record fields (\(fields.title.total) pages of the field gold set):"]
        for (name, tally) in fields.fields {
            lines.append(
                "  \(QuoteEntitySummary.pad(name, 12)) \(f(tally.fraction))  \(tally.right)/\(tally.total)")
        }
        return lines + quotes.lines(goldSet: "the quote/entity gold set")
    }

    /// The counts behind the figures, as a JSON-compatible object.
    func countsObject() -> [String: Any] {
        var result = quotes.countsObject()
        result["fields"] = Dictionary(
            uniqueKeysWithValues: fields.fields.map {
                ($0.name, ["right": $0.tally.right, "total": $0.tally.total])
            })
        return result
    }
}
