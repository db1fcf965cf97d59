import ArticlePipeline

/// Scores quotes and entities against the quote/entity gold set: quote precision and recall, speaker
/// accuracy on the quotes found, and entity precision and recall per type (people match by
/// `GoldMatching.sameName`, other types by normalised name).
public struct QuoteEntityScore: Sendable, Equatable {
    /// Pages counted.
    public var pages = 0
    public var quotes = MatchCounts()
    /// Matched quotes whose speaker is right (both nil, or the same person).
    public var speakersRight = 0
    public var people = MatchCounts()
    public var organizations = MatchCounts()
    public var locations = MatchCounts()

    public init() {}

    /// Right speakers over matched quotes; 1 when no quote matched.
    public var speakerAccuracy: Double {
        quotes.matched == 0 ? 1 : Double(speakersRight) / Double(quotes.matched)
    }

    /// The entity counts by type name, in report order.
    public var entityTypes: [(name: String, counts: MatchCounts)] {
        [("person", people), ("organization", organizations), ("location", locations)]
    }

    /// Counts one page; returns a line per miss (wrong speaker, extra or missed quote or person).
    @discardableResult
    public mutating func add(
        quotes found: [ArticleRecord.Quote], entities: [ArticleRecord.Entity], gold: QuoteEntityGold
    ) -> [String] {
        pages += 1
        var misses: [String] = []
        let pairs = GoldMatching.match(found, gold.quotes) { GoldMatching.sameQuote($0.text, $1.text) }
        quotes.matched += pairs.count
        quotes.predicted += found.count
        quotes.gold += gold.quotes.count
        for (p, g) in pairs {
            let predicted = found[p].speaker
            let expected = gold.quotes[g].speaker
            var right = predicted == nil && expected == nil
            if let predicted, let expected { right = GoldMatching.sameName(predicted, expected) }
            speakersRight += right ? 1 : 0
            if !right {
                misses.append(
                    "speaker: got \(predicted ?? "nil"), expected \(expected ?? "nil") «\(found[p].text.prefix(40))»"
                )
            }
        }
        let matchedFound = Set(pairs.map(\.0))
        for (index, quote) in found.enumerated() where !matchedFound.contains(index) {
            misses.append("extra quote «\(quote.text.prefix(50))»")
        }
        let matchedGold = Set(pairs.map(\.1))
        for (index, quote) in gold.quotes.enumerated() where !matchedGold.contains(index) {
            misses.append("missed quote «\(quote.text.prefix(50))»")
        }
        misses += Self.add(&people, type: "person", entities, gold.person)
        misses += Self.add(&organizations, type: "organization", entities, gold.organization)
        misses += Self.add(&locations, type: "location", entities, gold.location)
        return misses
    }

    private static func add(
        _ counts: inout MatchCounts, type: String, _ entities: [ArticleRecord.Entity], _ gold: [String]
    ) -> [String] {
        let names = entities.filter { $0.type == type }.map(\.name)
        let pairs = GoldMatching.match(names, gold) { (found: String, expected: String) -> Bool in
            type == "person"
                ? GoldMatching.sameName(found, expected)
                : GoldMatching.nameKey(found) == GoldMatching.nameKey(expected)
        }
        counts.matched += pairs.count
        counts.predicted += names.count
        counts.gold += gold.count
        let matchedFound = Set(pairs.map(\.0))
        let extra = names.indices.filter { !matchedFound.contains($0) }.map { names[$0] }
        let matchedGold = Set(pairs.map(\.1))
        let missed = gold.indices.filter { !matchedGold.contains($0) }.map { gold[$0] }
        guard !extra.isEmpty || !missed.isEmpty else { return [] }
        return ["\(type): extra \(extra) missed \(missed)"]
    }
}
