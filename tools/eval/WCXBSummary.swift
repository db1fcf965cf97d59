import ExtractionScoring

/// The WCXB report: means over pages of per-page word P/R/F1, overall, per page type and per domain
/// half; snippet rates; the record fields and how often they are invented; the page-type accuracy
/// and confusion matrix; the worst pages.
struct WCXBSummary {
    static let types = ["article", "forum", "product", "collection", "listing", "documentation", "service"]

    let results: [WCXBPageResult]
    let worstCount: Int

    /// Mean P, R and F1 of `results`.
    static func means(_ results: [WCXBPageResult]) -> (precision: Double, recall: Double, f1: Double) {
        guard !results.isEmpty else { return (0, 0, 0) }
        let count = Double(results.count)
        return (
            results.map(\.score.precision).reduce(0, +) / count,
            results.map(\.score.recall).reduce(0, +) / count,
            results.map(\.score.f1).reduce(0, +) / count
        )
    }

    private func fraction(_ values: [Bool?]) -> (Double, Int, Int) {
        let given = values.compactMap { $0 }
        let right = given.filter { $0 }.count
        return (given.isEmpty ? 0 : Double(right) / Double(given.count), right, given.count)
    }

    private var snippetRates: (with: Double, without: Double) {
        let withTotal = results.map(\.page.with.count).reduce(0, +)
        let withoutTotal = results.map(\.page.without.count).reduce(0, +)
        let found = results.map(\.withFound).reduce(0, +)
        let present = results.map(\.withoutPresent).reduce(0, +)
        return (
            withTotal == 0 ? 0 : Double(found) / Double(withTotal),
            withoutTotal == 0 ? 0 : Double(present) / Double(withoutTotal)
        )
    }

    private var typed: [WCXBPageResult] { results.filter { $0.predictedType != nil } }

    private var typeAccuracy: Double {
        typed.isEmpty
            ? 0 : Double(typed.filter { $0.predictedType == $0.page.pageType }.count) / Double(typed.count)
    }

    /// Every figure by group and metric, the shape of the floor file.
    var scores: [String: [String: Double]] {
        let all = Self.means(results)
        let snippets = snippetRates
        var result: [String: [String: Double]] = [
            "wcxb": [
                "f1": all.f1, "precision": all.precision, "recall": all.recall, "with_found": snippets.with,
                "without_avoided": 1 - snippets.without,
            ]
        ]
        for half in ["A", "B"] {
            result["wcxb_half_\(half.lowercased())"] = [
                "f1": Self.means(results.filter { $0.page.half == half }).f1
            ]
        }
        for type in Self.types {
            result["wcxb_type_\(type)"] = ["f1": Self.means(results.filter { $0.page.pageType == type }).f1]
        }
        let noAuthor = results.filter { $0.page.author == nil }
        let noDate = results.filter { $0.page.publishDate == nil }
        result["wcxb_fields"] = [
            "title": fraction(results.map(\.titleRight)).0, "author": fraction(results.map(\.authorRight)).0,
            "published_day": fraction(results.map(\.dateRight)).0,
            "author_abstention": noAuthor.isEmpty
                ? 0 : 1 - Double(noAuthor.filter(\.authorInvented).count) / Double(noAuthor.count),
            "date_abstention": noDate.isEmpty
                ? 0 : 1 - Double(noDate.filter(\.dateInvented).count) / Double(noDate.count),
        ]
        if !typed.isEmpty {
            result["wcxb_page_type"] = ["accuracy": typeAccuracy]
            if let report = PageTypeCVReport() {
                result["wcxb_page_type"]?["cv_accuracy"] = report.accuracy
                result["wcxb_page_type"]?["cv_half_a_to_b"] = report.halfAToB
                result["wcxb_page_type"]?["cv_half_b_to_a"] = report.halfBToA
            }
        }
        return result
    }

    /// The human report.
    func text() -> String {
        let f = EvaluationSummary.format
        let all = Self.means(results)
        let snippets = snippetRates
        var lines = [
            "WCXB: \(results.count) pages, mean word F1 \(f(all.f1))  P \(f(all.precision))  R \(f(all.recall))",
            "  snippets: with found \(f(snippets.with)), without present \(f(snippets.without))",
            "  failures: \(results.filter { $0.failure != nil }.count), empty extractions: "
                + "\(results.filter { $0.score.precision == 0 && $0.score.recall == 0 }.count)",
        ]
        for half in ["A", "B"] {
            let part = results.filter { $0.page.half == half }
            let m = Self.means(part)
            lines.append(
                "  domain half \(half): \(part.count) pages, F1 \(f(m.f1))  P \(f(m.precision))  R \(f(m.recall))"
            )
        }
        lines.append("by page type:")
        for type in Self.types {
            let part = results.filter { $0.page.pageType == type }
            let m = Self.means(part)
            lines.append(
                "  \(pad(type, 14)) \(pad(String(part.count), 5)) F1 \(f(m.f1))  P \(f(m.precision))  R \(f(m.recall))"
            )
        }
        lines.append("record fields:")
        for (name, values) in [
            ("title", results.map(\.titleRight)), ("author", results.map(\.authorRight)),
            ("published day", results.map(\.dateRight)),
        ] {
            let (value, right, total) = fraction(values)
            lines.append("  \(pad(name, 14)) \(f(value))  \(right)/\(total)")
        }
        let noAuthor = results.filter { $0.page.author == nil }
        let noDate = results.filter { $0.page.publishDate == nil }
        lines.append(
            "  given where the gold has none: author \(noAuthor.filter(\.authorInvented).count)/\(noAuthor.count), "
                + "date \(noDate.filter(\.dateInvented).count)/\(noDate.count), "
                + "title \(results.filter(\.titleInvented).count)/\(results.filter { $0.page.title == nil }.count)"
        )
        if !typed.isEmpty { lines += confusionLines() }
        let worst = results.sorted { ($0.score.f1, $0.page.id) < ($1.score.f1, $1.page.id) }.prefix(
            worstCount)
        if !worst.isEmpty { lines.append("worst \(worst.count) pages by word F1:") }
        for result in worst {
            lines.append(
                "  \(f(result.score.f1))  P \(f(result.score.precision))  R \(f(result.score.recall))  "
                    + "\(result.page.id) \(result.page.pageType) \(result.page.domain)"
                    + (result.failure.map { "  (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }

    private func confusionLines() -> [String] {
        var lines = [
            "page type: accuracy \(EvaluationSummary.format(typeAccuracy)) on these pages, a training figure: the "
                + "model was fitted on them (rows: gold, columns: predicted)"
        ]
        lines.append(
            PageTypeCVReport()?.line ?? "  (no cross-validation report at tools/pagetype/cv-report.json)")
        let short = Self.types.map { String($0.prefix(5)) }
        lines.append("  " + pad("", 14) + short.map { pad($0, 6) }.joined())
        for gold in Self.types {
            let row = Self.types.map { predicted in
                String(typed.filter { $0.page.pageType == gold && $0.predictedType == predicted }.count)
            }
            lines.append("  " + pad(gold, 14) + row.map { pad($0, 6) }.joined())
        }
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
