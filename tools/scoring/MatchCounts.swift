/// Counts of one precision/recall measure over a gold set: items matched, found and in the gold.
public struct MatchCounts: Sendable, Equatable {
    public var matched = 0
    public var predicted = 0
    public var gold = 0

    public init(matched: Int = 0, predicted: Int = 0, gold: Int = 0) {
        self.matched = matched
        self.predicted = predicted
        self.gold = gold
    }

    /// matched / found; 1 when nothing was found (no false positives).
    public var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
    /// matched / gold; 1 when the gold is empty.
    public var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
}
