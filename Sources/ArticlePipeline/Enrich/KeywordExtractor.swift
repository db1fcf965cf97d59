/// Picks a few salient terms: the most mentioned entities, then the most frequent content words
/// (words of the title count double), skipping the function words of every language the detector
/// knows.
struct KeywordExtractor {
    var count = 6
    static let extraStopWords: Set<String> = [
        "said", "says", "would", "could", "also", "about", "after", "before", "their", "there", "which",
        "while", "where", "other", "being", "those", "these", "other", "into", "over", "than", "them", "then",
        "what", "when", "will", "with", "your", "more", "most", "some", "such", "just", "like", "only",
        "very",
        "even", "much", "many", "been", "were", "have", "from", "that", "this", "they", "does", "make",
        "made",
        "first", "last", "year", "years", "time", "told", "people", "according", "including", "since",
        "still",
    ]

    func keywords(
        tokens: [EnrichToken], entities: [ArticleRecord.Entity], title: String?
    ) -> [String] {
        var result: [String] = []
        for entity in entities.prefix(3) where entity.mentions >= 2 { result.append(entity.name) }
        let covered = Set(result.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
        // One hash per counted word: (occurrences, first position).
        var stats: [String: (count: Int, first: Int)] = [:]
        stats.reserveCapacity(tokens.count / 2)
        for (index, token) in tokens.enumerated()
        where token.isWord && !token.isCapitalised && !token.hasDigit && !token.is(.functionWord)
            && token.lower.utf8.count >= 4
        {
            // Not `stats[key, default:]`: its default allocates a closure context per call.
            if let slot = stats.index(forKey: token.lower) {
                stats.values[slot].count += 1
            } else {
                stats[token.lower] = (1, index)
            }
        }
        if let title {
            for word in title.lowercased().split(whereSeparator: { !$0.isLetter }) {
                stats[String(word)]?.count += 2
            }
        }
        let ranked = stats.filter { $0.value.count >= 2 && !covered.contains($0.key) }
            .sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }.map(\.key)
        for word in ranked where result.count < count { result.append(word) }
        return result
    }
}
