import ArticlePipeline
import ExtractionScoring

/// The quote/entity figures of one gold set, in its two modes: enrichment alone on the gold text,
/// and end to end on the HTML. Shared by the AEB report (`RecordSummary`) and the WCXB gold set.
struct QuoteEntitySummary {
    var onText: QuoteEntityScore
    var onHTML: QuoteEntityScore

    /// Group names of `scores` (and of the floor file) for the two modes, with their labels.
    static let modes = [
        ("enrichment_on_text", "on benchmark text"), ("enrichment_on_html", "end to end on HTML"),
    ]

    private func score(_ mode: String) -> QuoteEntityScore { mode == "enrichment_on_text" ? onText : onHTML }

    /// Every figure by mode and metric, the shape of `tools/quality/floor-aeb.json`.
    var scores: [String: [String: Double]] {
        var result: [String: [String: Double]] = [:]
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

    /// The human table, under a heading naming the gold set.
    func lines(goldSet: String) -> [String] {
        let f = EvaluationSummary.format
        var lines = [
            "quotes and entities (\(onText.pages) pages, \(onText.quotes.gold) quotes of \(goldSet)):"
        ]
        for (mode, label) in Self.modes {
            let score = score(mode)
            lines.append("  \(label):")
            lines.append("    \(Self.pad("quotes", 12)) \(Self.pr(score.quotes))")
            lines.append(
                "    \(Self.pad("speakers", 12)) accuracy \(f(score.speakerAccuracy))  "
                    + "\(score.speakersRight)/\(score.quotes.matched) of the quotes found")
            for (name, counts) in score.entityTypes {
                lines.append("    \(Self.pad(name, 12)) \(Self.pr(counts))")
            }
        }
        return lines
    }

    private static func pr(_ counts: MatchCounts) -> String {
        let f = EvaluationSummary.format
        return "P \(f(counts.precision)) \(counts.matched)/\(counts.predicted)  "
            + "R \(f(counts.recall)) \(counts.matched)/\(counts.gold)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The counts behind the figures, by mode, as a JSON-compatible object.
    func countsObject() -> [String: Any] {
        var result: [String: Any] = [:]
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
