import Foundation

/// Pinned minimum scores, per field and metric: `{"text": {"f1": 0.955, "precision": 0.94}}`.
struct QualityFloor {
    var minimums: [String: [String: Double]]

    init(file: URL) throws(CorpusEvaluation.LoadError) {
        guard let data = try? Data(contentsOf: file),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw CorpusEvaluation.LoadError(description: "unreadable floor file \(file.path)") }
        var minimums: [String: [String: Double]] = [:]
        for (field, value) in object {
            guard let metrics = value as? [String: Any] else { continue }  // e.g. a "comment" string
            minimums[field] = metrics.compactMapValues { ($0 as? NSNumber)?.doubleValue }
        }
        self.minimums = minimums
    }

    /// One line per score below its floor (a field missing from the summary counts as zero).
    func violations(in summary: EvaluationSummary) -> [String] {
        var result: [String] = []
        for (field, metrics) in minimums.sorted(by: { $0.key < $1.key }) {
            let scores = summary.fields[field]
            for (metric, minimum) in metrics.sorted(by: { $0.key < $1.key }) {
                let value: Double
                switch metric {
                case "f1": value = scores?.f1 ?? 0
                case "precision": value = scores?.precision ?? 0
                case "recall": value = scores?.recall ?? 0
                default: continue
                }
                if value < minimum {
                    result.append("\(field) \(metric) \(EvaluationSummary.format(value)) < \(minimum)")
                }
            }
        }
        return result
    }
}
