import Foundation

/// The page-type model's accuracy under cross-validation grouped by domain, as
/// `tools/pagetype/train.py` measured it when it trained the shipped model
/// (`tools/pagetype/cv-report.json`). The evaluator's own page-type accuracy on the WCXB
/// development pages is a training figure (the model has seen them); this is the honest one,
/// printed beside it and checked by the gate as `wcxb_page_type.cv_accuracy`.
struct PageTypeCVReport {
    /// 5-fold, grouped by domain.
    var accuracy: Double
    var accuracyWithoutAddress: Double
    /// Trained on one domain half, tested on the other.
    var halfAToB: Double
    var halfBToA: Double

    static var defaultFile: URL { PackagePaths.root.appendingPathComponent("tools/pagetype/cv-report.json") }

    /// The report in `file`, or nil when it is absent or unreadable.
    init?(file: URL = Self.defaultFile) {
        guard let data = try? Data(contentsOf: file),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let folds = object["grouped_5_fold"] as? [String: Any],
            let accuracy = (folds["accuracy"] as? NSNumber)?.doubleValue,
            let aToB = ((object["train_a_test_b"] as? [String: Any])?["accuracy"] as? NSNumber)?.doubleValue,
            let bToA = ((object["train_b_test_a"] as? [String: Any])?["accuracy"] as? NSNumber)?.doubleValue
        else { return nil }
        self.accuracy = accuracy
        accuracyWithoutAddress = (folds["accuracy_without_address"] as? NSNumber)?.doubleValue ?? 0
        halfAToB = aToB
        halfBToA = bToA
    }

    /// The line the evaluator prints under its training figure.
    var line: String {
        let f = EvaluationSummary.format
        return "  grouped cross-validation by domain (tools/pagetype/cv-report.json): 5-fold \(f(accuracy)) "
            + "(without the address \(f(accuracyWithoutAddress))), half A -> B \(f(halfAToB)), B -> A \(f(halfBToA))"
    }
}
