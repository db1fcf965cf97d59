/// Picks a few salient terms: the most mentioned entities, then the most frequent content words
/// (words of the title count double), skipping the language's function words.
struct KeywordExtractor {
    var count = 6
    private static let extraStopWords: Set<String> = [
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
        tokens: [EnrichToken], entities: [ArticleRecord.Entity], title: String?, stopWords: Set<String>
    ) -> [String] {
        var result: [String] = []
        for entity in entities.prefix(3) where entity.mentions >= 2 { result.append(entity.name) }
        let covered = Set(result.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
        var frequency: [String: Int] = [:]
        var firstSeen: [String: Int] = [:]
        for (index, token) in tokens.enumerated() where token.isWord && !token.isCapitalised {
            guard token.lower.count >= 4, !stopWords.contains(token.lower),
                !Self.extraStopWords.contains(token.lower), !covered.contains(token.lower),
                token.lower.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" })
            else { continue }
            frequency[token.lower, default: 0] += 1
            if firstSeen[token.lower] == nil { firstSeen[token.lower] = index }
        }
        if let title {
            for word in title.lowercased().split(whereSeparator: { !$0.isLetter })
            where frequency[String(word)] != nil {
                frequency[String(word), default: 0] += 2
            }
        }
        let ranked = frequency.filter { $0.value >= 2 }.keys.sorted {
            (frequency[$0]!, -firstSeen[$0]!) > (frequency[$1]!, -firstSeen[$1]!)
        }
        for word in ranked where result.count < count { result.append(word) }
        return result
    }
}
