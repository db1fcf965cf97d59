import ArticlePipeline
import ExtractionScoring

/// Mean precision and recall of one field over a corpus, the AEB way: precision is averaged over
/// pages with output, recall over pages with gold, and F1 combines the two means.
struct FieldSummary {
    var precision: Double
    var recall: Double
    var pagesWithOutput: Int
    var pagesWithGold: Int

    var f1: Double {
        precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
    }

    init(_ scores: [ShingleScore]) {
        // A page with output has predicted shingles (TP or FP); a page with gold has TP or FN.
        let withOutput = scores.filter { $0.truePositives + $0.falsePositives > 0 }
        let withGold = scores.filter { $0.truePositives + $0.falseNegatives > 0 }
        precision =
            withOutput.isEmpty ? 0 : withOutput.map(\.precision).reduce(0, +) / Double(withOutput.count)
        recall = withGold.isEmpty ? 0 : withGold.map(\.recall).reduce(0, +) / Double(withGold.count)
        pagesWithOutput = withOutput.count
        pagesWithGold = withGold.count
    }
}

/// The corpus-level report: a summary per field and the worst pages by text F1.
struct EvaluationSummary {
    var pages: Int
    var fields: [String: FieldSummary]
    var worst: [PageResult]
    /// The record-level scores, when the gold sets were evaluated.
    var records: RecordSummary?

    init(results: [PageResult], worstCount: Int, records: RecordSummary? = nil) {
        self.records = records
        pages = results.count
        var byField: [String: [ShingleScore]] = [:]
        for result in results {
            for (field, score) in result.scores { byField[field, default: []].append(score) }
        }
        fields = byField.mapValues(FieldSummary.init)
        worst = Array(
            results.sorted {
                Self.pageF1($0) < Self.pageF1($1) || (Self.pageF1($0) == Self.pageF1($1) && $0.id < $1.id)
            }
            .prefix(worstCount))
    }

    static func pageF1(_ result: PageResult) -> Double {
        guard let score = result.scores["text"] else { return 0 }
        let sum = score.precision + score.recall
        return sum > 0 ? 2 * score.precision * score.recall / sum : 0
    }

    /// The human table.
    func text() -> String {
        var lines = ["\(pages) pages"]
        for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "\(name): F1 \(Self.format(field.f1))  P \(Self.format(field.precision))  "
                    + "R \(Self.format(field.recall))  (\(field.pagesWithOutput) with output, "
                    + "\(field.pagesWithGold) with gold)")
        }
        lines += records?.lines() ?? []
        if !worst.isEmpty { lines.append("worst \(worst.count) pages by text F1:") }
        for page in worst {
            let score = page.scores["text"]
            lines.append(
                "  \(Self.format(Self.pageF1(page)))  P \(Self.format(score?.precision ?? 0))  "
                    + "R \(Self.format(score?.recall ?? 0))  \(page.id)"
                    + (page.failure.map { "  (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    /// The same as a JSON-compatible object.
    func jsonObject() -> [String: Any] {
        var fieldObjects: [String: Any] = [:]
        for (name, field) in fields {
            fieldObjects[name] = [
                "f1": field.f1, "precision": field.precision, "recall": field.recall,
                "pages_with_output": field.pagesWithOutput, "pages_with_gold": field.pagesWithGold,
            ]
        }
        let worstObjects: [[String: Any]] = worst.map { page in
            var object: [String: Any] = ["id": page.id, "f1": Self.pageF1(page)]
            if let score = page.scores["text"] {
                object["precision"] = score.precision
                object["recall"] = score.recall
            }
            if let failure = page.failure { object["failure"] = failure }
            return object
        }
        var object: [String: Any] = [
            "pages": pages, "fields": fieldObjects, "worst": worstObjects, "scores": scores,
        ]
        if let records { object["record_counts"] = records.countsObject() }
        return object
    }

    /// Every figure by group and metric, the shape of `tools/quality/floor-aeb.json`: `text` (F1, P, R
    /// of the main text) and, with the gold sets, `fields` and the two `enrichment_on_*` groups.
    var scores: [String: [String: Double]] {
        var result = records?.scores ?? [:]
        for (name, field) in fields {
            result[name] = ["f1": field.f1, "precision": field.precision, "recall": field.recall]
        }
        return result
    }

    static func format(_ value: Double) -> String {
        let scaled = Int((value * 10000).rounded())
        let fraction = String(scaled % 10000)
        return "\(scaled / 10000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
