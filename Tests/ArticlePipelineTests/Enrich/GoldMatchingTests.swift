import Testing

@testable import ArticlePipeline
@testable import ExtractionScoring

/// The matching rules of the gold sets: a lenient rule here inflates every figure the evaluator
/// and the floors report.
@Suite struct GoldMatchingTests {
    @Test func namesMatchOnWordsOrSurname() {
        #expect(GoldMatching.sameName("Vladimir Putin", "vladimir  putin"))
        #expect(GoldMatching.sameName("Putin", "Vladimir Putin"))
        #expect(GoldMatching.sameName("Martin Luther King Jr.", "Martin King"))
        #expect(GoldMatching.sameName("George W. Bush", "George Bush"))
        #expect(!GoldMatching.sameName("George Bush", "Laura Bush"))
        #expect(!GoldMatching.sameName("Kevin Johnson", "Kevin McCoy"))
        #expect(!GoldMatching.sameName("", "Kevin McCoy"))
    }

    @Test func quotesMatchAfterNormalisationOrContainment() {
        #expect(GoldMatching.sameQuote("“We’re done.”", "we're done"))
        #expect(
            GoldMatching.sameQuote(
                "I just want to be able to perform", "I just want to be able to perform my own music"))
        // Containment needs 20 characters on the shorter side.
        #expect(!GoldMatching.sameQuote("my own", "I just want to be able to perform my own music"))
        #expect(!GoldMatching.sameQuote("yes", "no"))
    }

    @Test func matchingIsOneToOne() {
        let pairs = GoldMatching.match(["a", "a", "b"], ["a", "a", "a", "c"]) { $0 == $1 }
        #expect(pairs.map(\.0) == [0, 1])
        #expect(pairs.map(\.1) == [0, 1])
    }

    @Test func fieldScoreCountsEachField() {
        var record = ArticleRecord(id: "1", source: "p.html", format: "html", pipeline: "test")
        record.title = "  A   headline "
        record.published = "2019-11-19T22:10:00-05:00"
        record.language = "en"
        record.authors = ["Lisa  Mascaro", "Eric Tucker"]
        let gold = FieldGold(
            page: "p.html", title: "A headline", published: "2019-11-19",
            authors: ["eric tucker", "Lisa Mascaro"], language: "de")
        var score = FieldGoldScore()
        let misses = score.add(record, gold: gold)
        #expect(score.title == PageTally(right: 1, total: 1))
        #expect(score.published == PageTally(right: 1, total: 1))
        #expect(score.authors == PageTally(right: 1, total: 1))
        #expect(score.language == PageTally(right: 0, total: 1))
        #expect(misses == ["language: got en, expected de"])
        record.published = "2019-11-20"
        score.add(record, gold: gold)
        #expect(score.published.fraction == 0.5)
    }

    @Test func quoteScoreCountsSpeakersOnMatchedQuotesOnly() {
        let gold = QuoteEntityGold(
            page: "p.html",
            quotes: [
                .init(text: "We will not stop here", speaker: "Ada Lovelace"),
                .init(text: "No", speaker: nil),
            ],
            person: ["Ada Lovelace", "Charles Babbage"], organization: ["Royal Society"], location: [])
        let found: [ArticleRecord.Quote] = [
            .init(text: "“We will not stop here,”", speaker: "Lovelace", cue: "said", start: 0, end: 24),
            .init(text: "Later", speaker: nil, cue: nil, start: 30, end: 35),
        ]
        let entities: [ArticleRecord.Entity] = [
            .init(name: "Ada Lovelace", type: "person", mentions: 2, aliases: []),
            .init(name: "Royal Society", type: "location", mentions: 1, aliases: []),
        ]
        var score = QuoteEntityScore()
        score.add(quotes: found, entities: entities, gold: gold)
        #expect(score.quotes == MatchCounts(matched: 1, predicted: 2, gold: 2))
        #expect(score.speakerAccuracy == 1)
        #expect(score.people == MatchCounts(matched: 1, predicted: 1, gold: 2))
        #expect(score.organizations == MatchCounts(matched: 0, predicted: 0, gold: 1))
        #expect(score.locations.precision == 0)
    }
}
