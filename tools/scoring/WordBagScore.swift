/// The WCXB overlap of an extracted text with its gold text: each text becomes the bag (multiset) of
/// its lower-cased word tokens (runs of Unicode letters, numbers and `_`, Python's `\w+`);
/// precision is the shared words over the predicted words, recall the shared words over the gold
/// words. A page with an empty extraction scores 0, unless its gold is empty too (then 1).
public struct WordBagScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double

    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
    }

    /// Compares `predicted` with `gold`.
    public init(gold: String, predicted: String) {
        let goldBag = Self.bag(of: gold)
        let predictedBag = Self.bag(of: predicted)
        let goldCount = goldBag.values.reduce(0, +)
        let predictedCount = predictedBag.values.reduce(0, +)
        if goldCount == 0 && predictedCount == 0 {
            self.init(precision: 1, recall: 1)
            return
        }
        var shared = 0
        for (word, count) in predictedBag { shared += min(count, goldBag[word, default: 0]) }
        self.init(
            precision: predictedCount == 0 ? 0 : Double(shared) / Double(predictedCount),
            recall: goldCount == 0 ? 0 : Double(shared) / Double(goldCount))
    }

    /// 2PR / (P + R) of this page; 0 when both are 0.
    public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }

    /// The multiset of lower-cased word tokens of `text`.
    public static func bag(of text: String) -> [Substring: Int] {
        var result: [Substring: Int] = [:]
        for token in ShingleScore.tokens(of: text.lowercased()) { result[token, default: 0] += 1 }
        return result
    }
}
