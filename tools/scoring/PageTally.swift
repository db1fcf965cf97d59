/// How many pages of a gold set got one field right.
public struct PageTally: Sendable, Equatable {
    public var right = 0
    public var total = 0

    public init(right: Int = 0, total: Int = 0) {
        self.right = right
        self.total = total
    }

    /// right / total; 0 for an empty gold set, so a missing gold set cannot pass a floor.
    public var fraction: Double { total == 0 ? 0 : Double(right) / Double(total) }

    public mutating func count(_ isRight: Bool) {
        total += 1
        right += isRight ? 1 : 0
    }
}
