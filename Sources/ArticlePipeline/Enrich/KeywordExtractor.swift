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

    /// `forms`, when given, numbers the lower-cased forms of `tokens` (English texts, whose names
    /// need them anyway): words are then counted by number, and only each counted form's first
    /// spelling is hashed.
    func keywords(
        tokens: [EnrichToken], forms: TokenForms?, entities: [ArticleRecord.Entity], title: String?
    ) -> [String] {
        var result: [String] = []
        for entity in entities.prefix(3) where entity.mentions >= 2 { result.append(entity.name) }
        let covered = Set(result.flatMap { $0.lowercased().split(separator: " ").map(String.init) })
        var stats = forms.map { Self.counts(of: tokens, forms: $0) } ?? Self.counts(of: tokens)
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

    /// Whether `token` is a content word that may be a keyword.
    private static func isCounted(_ token: EnrichToken) -> Bool {
        token.isWord && !token.isCapitalised && !token.hasDigit && !token.is(.functionWord)
            && token.lower.utf8.count >= 4
    }

    /// Each counted word's occurrences and first position, one hash per occurrence.
    private static func counts(of tokens: [EnrichToken]) -> [String: (count: Int, first: Int)] {
        var stats: [String: (count: Int, first: Int)] = [:]
        stats.reserveCapacity(tokens.count / 2)
        for index in tokens.indices where isCounted(tokens[index]) {
            // Not `stats[key, default:]`: its default allocates a closure context per call.
            if let slot = stats.index(forKey: tokens[index].lower) {
                stats.values[slot].count += 1
            } else {
                stats[tokens[index].lower] = (1, index)
            }
        }
        return stats
    }

    /// `counts(of:)` by form number, one hash per counted form.
    private static func counts(
        of tokens: [EnrichToken], forms: TokenForms
    ) -> [String: (count: Int, first: Int)] {
        var counts = [Int](repeating: 0, count: forms.count)
        var firsts = [Int](repeating: 0, count: forms.count)
        var counted: [Int32] = []
        for index in tokens.indices where isCounted(tokens[index]) {
            let form = Int(forms.ids[index])
            if counts[form] == 0 {
                firsts[form] = index
                counted.append(Int32(form))
            }
            counts[form] += 1
        }
        var stats: [String: (count: Int, first: Int)] = [:]
        stats.reserveCapacity(counted.count)
        for form in counted.map(Int.init) { stats[tokens[firsts[form]].lower] = (counts[form], firsts[form]) }
        return stats
    }
}
