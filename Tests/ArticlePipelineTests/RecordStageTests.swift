import Foundation
import Testing

@testable import ArticlePipeline

@Suite struct RecordStageTests {
    @Test func domainIsTheLowerCasedHostWithoutWWW() {
        #expect(RecordStage.domain(of: "https://WWW.Example.COM/a/b?c=d") == "example.com")
        #expect(RecordStage.domain(of: "http://user:pw@news.example.org:8080/x") == "news.example.org")
        #expect(RecordStage.domain(of: "https://[2001:db8::1]:443/") == "[2001:db8::1]")
        #expect(RecordStage.domain(of: "not a url") == nil)
    }

    @Test func wordsAreRunsOfLettersAndDigits() {
        let words = TextStatistics.words(
            "Russia\u{2019}s 30-day truce, caf\u{e9} na\u{308}ive \u{65E5}\u{672C} \u{2014} ok!")
        #expect(
            words == [
                "Russia", "s", "30", "day", "truce", "caf\u{e9}", "na\u{308}ive", "\u{65E5}\u{672C}", "ok",
            ])
        #expect(TextStatistics.words(" \n\t \u{2014} ").isEmpty)
    }

    @Test func readingMinutesRoundsAndHasAFloorOfOne() {
        #expect(TextStatistics.readingMinutes(words: 0) == 0)
        #expect(TextStatistics.readingMinutes(words: 10) == 1)
        #expect(TextStatistics.readingMinutes(words: 460) == 2)
        #expect(TextStatistics.readingMinutes(words: 575) == 3)
    }

    @Test func simhashIsStableAndNearForNearDuplicates() throws {
        let base = (0..<200).map { "word\($0 % 37) token\($0)" }.joined(separator: " ")
        let edited = base.replacingOccurrences(of: "token150", with: "changed")
        let other = (0..<200).map { "other\($0) text\($0 % 11)" }.joined(separator: " ")
        let hashBase = try #require(TextStatistics.simhash(words: TextStatistics.words(base)))
        let hashAgain = try #require(TextStatistics.simhash(words: TextStatistics.words(base.uppercased())))
        let hashEdited = try #require(TextStatistics.simhash(words: TextStatistics.words(edited)))
        let hashOther = try #require(TextStatistics.simhash(words: TextStatistics.words(other)))
        #expect(hashBase == hashAgain)
        #expect((hashBase ^ hashEdited).nonzeroBitCount <= 8)
        #expect((hashBase ^ hashOther).nonzeroBitCount >= 16)
        #expect(TextStatistics.simhash(words: []) == nil)
    }

    @Test func recordCarriesSourceFieldsAndStatistics() throws {
        let html =
            "<html><body><article><p>One two three four five.</p><p>Six seven.</p></article></body></html>"
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        #expect(record.id == StableID.forArticle(url: "https://www.example.com/news/story", body: []))
        #expect(record.url == "https://www.example.com/news/story")
        #expect(record.domain == "example.com")
        #expect(record.source == "test.warc@42")
        #expect(record.fetchedAt == "2025-03-14T10:00:00Z")
        #expect(record.text == "One two three four five.\n\nSix seven.")
        #expect(record.paragraphs == 2)
        #expect(record.wordCount == 7)
        #expect(record.readingMinutes == 1)
        #expect(record.simhash?.count == 16)
        #expect(record.pipeline == Pipeline.version)
        #expect(
            record.quotes.isEmpty && record.entities.isEmpty && record.temporal.isEmpty
                && record.keywords.isEmpty)
        #expect(record.language == nil)
    }
}
