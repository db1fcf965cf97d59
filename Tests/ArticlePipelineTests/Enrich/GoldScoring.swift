import Foundation

/// Matching rules of the field and quote/entity gold sets (`Tests/ArticlePipelineTests/Gold`).
enum GoldScoring {
    /// Precision and recall counts of one measure.
    struct Counts: CustomStringConvertible {
        var matched = 0
        var predicted = 0
        var gold = 0
        var precision: Double { predicted == 0 ? 1 : Double(matched) / Double(predicted) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
        var description: String {
            String(
                format: "P %.3f R %.3f (%d matched, %d found, %d gold)", precision, recall, matched,
                predicted, gold)
        }
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Lower-cased words of a person's name without initials and generational suffixes.
    static func nameWords(_ name: String) -> [String] {
        collapse(name).lowercased().split(separator: " ").map(String.init).filter {
            !["jr.", "jr", "sr.", "sr", "ii", "iii"].contains($0) && !($0.count == 2 && $0.hasSuffix("."))
        }
    }

    /// Same person: same words, or the same surname where one side gives only the surname.
    static func sameName(_ a: String, _ b: String) -> Bool {
        let x = nameWords(a)
        let y = nameWords(b)
        guard let lastX = x.last, let lastY = y.last else { return false }
        if x == y { return true }
        return lastX == lastY && (x.count == 1 || y.count == 1 || x.first == y.first)
    }

    /// Quote texts match when equal after normalisation, or when one long text contains the other.
    static func sameQuote(_ a: String, _ b: String) -> Bool {
        let x = quoteKey(a)
        let y = quoteKey(b)
        if x == y { return true }
        return min(x.count, y.count) >= 20 && (x.contains(y) || y.contains(x))
    }

    private static func quoteKey(_ text: String) -> String {
        let trimmed = collapse(text).lowercased().trimmingCharacters(
            in: .punctuationCharacters.union(.whitespaces))
        return trimmed.replacingOccurrences(of: "’", with: "'")
    }

    /// One-to-one greedy matching of `predicted` to `gold`; returns the matched pairs (indices).
    static func match<P, G>(_ predicted: [P], _ gold: [G], by same: (P, G) -> Bool) -> [(Int, Int)] {
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
