import Foundation

/// Pinned minimum scores, per group and metric: `{"text": {"f1": 0.955}, "fields": {"title": 0.95}}`
/// (the groups and metrics of `EvaluationSummary.scores`).
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

    /// One line per score below its floor (a score missing from the summary counts as zero).
    func violations(in scores: [String: [String: Double]]) -> [String] {
        var result: [String] = []
        for (group, metrics) in minimums.sorted(by: { $0.key < $1.key }) {
            for (metric, minimum) in metrics.sorted(by: { $0.key < $1.key }) {
                let value = scores[group]?[metric] ?? 0
                if value < minimum {
                    result.append("\(group) \(metric) \(EvaluationSummary.format(value)) < \(minimum)")
                }
            }
        }
        return result
    }
}
