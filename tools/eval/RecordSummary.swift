import ArticlePipeline
import ExtractionScoring

/// The record-level scores beside the main-text F1: the fields of the field gold set, and quotes,
/// speakers and entities of the quote/entity gold set on the benchmark text and on the HTML.
struct RecordSummary {
    var fields: FieldGoldScore
    var onText: QuoteEntityScore
    var onHTML: QuoteEntityScore

    /// Group names of `scores` (and of the floor file) for the two quote/entity modes.
    static let modes = [
        ("enrichment_on_text", "on benchmark text"), ("enrichment_on_html", "end to end on HTML"),
    ]

    private func score(_ mode: String) -> QuoteEntityScore { mode == "enrichment_on_text" ? onText : onHTML }

    /// Every figure by group and metric, the shape of `tools/quality-floor.json`.
    var scores: [String: [String: Double]] {
        var result: [String: [String: Double]] = [
            "fields": Dictionary(uniqueKeysWithValues: fields.fields.map { ($0.name, $0.tally.fraction) })
        ]
        for (mode, _) in Self.modes {
            let score = score(mode)
            var metrics = ["speaker_accuracy": score.speakerAccuracy]
            for (name, counts) in [("quote", score.quotes)] + score.entityTypes {
                metrics["\(name)_precision"] = counts.precision
                metrics["\(name)_recall"] = counts.recall
            }
            result[mode] = metrics
        }
        return result
    }

    /// The human table.
    func lines() -> [String] {
        let f = EvaluationSummary.format
        var lines = ["record fields (\(fields.title.total) pages of the field gold set):"]
        for (name, tally) in fields.fields {
            lines.append("  \(pad(name, 12)) \(f(tally.fraction))  \(tally.right)/\(tally.total)")
        }
        lines.append(
            "quotes and entities (\(onText.pages) pages, \(onText.quotes.gold) quotes of the quote/entity gold set):"
        )
        for (mode, label) in Self.modes {
            let score = score(mode)
            lines.append("  \(label):")
            lines.append("    \(pad("quotes", 12)) \(pr(score.quotes))")
            lines.append(
                "    \(pad("speakers", 12)) accuracy \(f(score.speakerAccuracy))  "
                    + "\(score.speakersRight)/\(score.quotes.matched) of the quotes found")
            for (name, counts) in score.entityTypes { lines.append("    \(pad(name, 12)) \(pr(counts))") }
        }
        return lines
    }

    private func pr(_ counts: MatchCounts) -> String {
        let f = EvaluationSummary.format
        return "P \(f(counts.precision)) \(counts.matched)/\(counts.predicted)  "
            + "R \(f(counts.recall)) \(counts.matched)/\(counts.gold)"
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The counts behind the figures, as a JSON-compatible object.
    func countsObject() -> [String: Any] {
        var result: [String: Any] = [
            "fields": Dictionary(
                uniqueKeysWithValues: fields.fields.map {
                    ($0.name, ["right": $0.tally.right, "total": $0.tally.total])
                })
        ]
        for (mode, _) in Self.modes {
            let score = score(mode)
            var object: [String: Any] = [
                "speakers": ["right": score.speakersRight, "quotes_matched": score.quotes.matched]
            ]
            for (name, counts) in [("quote", score.quotes)] + score.entityTypes {
                object[name] = ["matched": counts.matched, "found": counts.predicted, "gold": counts.gold]
            }
            result[mode] = object
        }
        return result
    }
}
