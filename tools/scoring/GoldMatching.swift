/// The matching rules of the project's hand-made gold sets (field gold and quote/entity gold):
/// when two titles, names or quotes count as the same. Shared by the evaluator and the tests.
public enum GoldMatching {
    /// Whitespace runs collapsed to one space, ends trimmed.
    public static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The comparable form of an author or entity name: collapsed and lower-cased.
    public static func nameKey(_ name: String) -> String {
        collapse(name).lowercased()
    }

    /// Lower-cased words of a person's name without initials and generational suffixes.
    public static func nameWords(_ name: String) -> [String] {
        nameKey(name).split(separator: " ").map(String.init).filter {
            !suffixes.contains($0) && !($0.count == 2 && $0.hasSuffix("."))
        }
    }

    private static let suffixes: Set<String> = ["jr.", "jr", "sr.", "sr", "ii", "iii"]

    /// Same person: same words, or the same surname where one side gives only the surname or both
    /// give the same first word.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        let x = nameWords(a)
        let y = nameWords(b)
        guard let lastX = x.last, let lastY = y.last else { return false }
        if x == y { return true }
        return lastX == lastY && (x.count == 1 || y.count == 1 || x.first == y.first)
    }

    /// Quote texts match when equal after normalisation (case, spacing, outer punctuation, curly
    /// apostrophes), or when one text of at least 20 characters contains the other.
    public static func sameQuote(_ a: String, _ b: String) -> Bool {
        let x = quoteKey(a)
        let y = quoteKey(b)
        if x == y { return true }
        return min(x.count, y.count) >= 20 && (x.contains(y) || y.contains(x))
    }

    static func quoteKey(_ text: String) -> String {
        let lower = collapse(text).lowercased()
        let outer: (Character) -> Bool = { $0.isPunctuation || $0.isWhitespace }
        let trimmed = lower.drop(while: outer).reversed().drop(while: outer).reversed()
        return String(trimmed.map { $0 == "’" ? "'" : $0 })
    }

    /// One-to-one greedy matching of `predicted` to `gold` in gold order; the matched index pairs
    /// (predicted, gold).
    public static func match<P, G>(_ predicted: [P], _ gold: [G], by same: (P, G) -> Bool) -> [(Int, Int)] {
        var used = Set<Int>()
        var pairs: [(Int, Int)] = []
        for (g, goldItem) in gold.enumerated() {
            if let p = predicted.indices.first(where: { !used.contains($0) && same(predicted[$0], goldItem) })
            {
                used.insert(p)
                pairs.append((p, g))
            }
        }
        return pairs
    }
}
