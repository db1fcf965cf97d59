import Testing

@testable import ArticlePipeline

@Suite struct TextStatisticsTests {
    /// The simhash as first specified: lower-cased words, 3-shingles joined by a space, one vote per
    /// bit of each shingle's hash. The fast implementation must give the same fingerprint.
    private func referenceSimhash(_ words: [Substring]) -> UInt64? {
        guard !words.isEmpty else { return nil }
        let lowered = words.map { $0.lowercased() }
        var weights = [Int](repeating: 0, count: 64)
        for start in 0..<max(1, lowered.count - 2) {
            let hash = StableID.hash64(
                lowered[start..<min(start + 3, lowered.count)].joined(separator: " ").utf8)
            for bit in 0..<64 { weights[bit] += (hash >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    @Test(arguments: [
        "", "One", "Two words", "The ferry returns to Port Aldwin after a two-year pause, officials said.",
        "ÉCOLE Straße İstanbul 東京 café CAFÉ naïve — mixed Ünïcödé words and ASCII WORDS",
        String(repeating: "repeated words make repeated shingles ", count: 40),
        "Russia\u{2019}s 30-day truce, caf\u{e9} na\u{308}ive \u{65E5}\u{672C} \u{2014} ok! \u{1F600}x\u{10400}y",
        "ΟΔΟΣ ΟΔΟΣ. İSTANBUL ǅEMAL Ⅻ ① ﬁne ΣΊΣΥΦΟΣ Ǆ ẞ Ω K",
    ])
    func simhashMatchesTheReference(_ text: String) {
        let words = TextStatistics.words(text)
        #expect(TextStatistics.simhash(words: words) == referenceSimhash(words))
        let fingerprint = TextStatistics.fingerprint(text)
        #expect(fingerprint.words == words.count)
        #expect(fingerprint.simhash == referenceSimhash(words))
    }
}
