import Foundation
import Testing

@testable import ArticlePipeline

@Suite struct TextScrapeTests {
    /// The gold fields of `seed-article.gold.json` this stage is responsible for.
    private struct Gold: Decodable {
        struct Image: Decodable {
            var credit: String
            var caption: String
        }
        var format: String
        var section: String
        var title: String
        var images: [Image]
        var paragraphs: [String]
        var mustNotAppearInText: [String]

        enum CodingKeys: String, CodingKey {
            case format, section, title, images, paragraphs
            case mustNotAppearInText = "must_not_appear_in_text"
        }
    }

    @Test func seedArticleMatchesGold() throws {
        guard let (record, goldData) = try PipelineTestSupport.seedArticle() else {
            print("skipping seedArticleMatchesGold: ../shared (beside the repository) is absent")
            return
        }
        let gold = try JSONDecoder().decode(Gold.self, from: goldData)
        #expect(record.format == gold.format)
        #expect(record.section == gold.section)
        #expect(record.title == gold.title)
        #expect(record.images.map(\.credit) == gold.images.map(\.credit))
        #expect(record.images.map(\.caption) == gold.images.map(\.caption))
        #expect(record.text.components(separatedBy: "\n\n") == gold.paragraphs)
        #expect(record.paragraphs == gold.paragraphs.count)
        for boilerplate in gold.mustNotAppearInText {
            #expect(!record.text.contains(boilerplate), "\"\(boilerplate)\" is in the text")
        }
        #expect(record.language == "en")
        #expect(record.domain == "example.org")
        #expect(record.warnings.isEmpty)
    }

    @Test func headerBylineCaptionAndTailInAnotherScrape() {
        let text = """
            Weather

            Spring frost threatens orchards across the valley

            By Lena Fischer

            Image: Valley Growers Association
            Frost candles burning between rows of apple trees before dawn.
            zdjęcie

            Growers lit thousands of candles overnight to keep blossoms above freezing.
            The cold spell is expected to last until the weekend.

            Forecasters said temperatures could drop again on Friday night
            before a milder wind arrives from the south.

            Related
            Orchard insurance claims rise
            """
        let article = TextScrapeExtractStage().extract(text)
        #expect(article.section == "Weather")
        #expect(article.title == "Spring frost threatens orchards across the valley")
        #expect(article.authors == ["Lena Fischer"])
        #expect(
            article.images == [
                ArticleRecord.Image(
                    caption: "Frost candles burning between rows of apple trees before dawn.",
                    credit: "Valley Growers Association")
            ])
        #expect(
            article.paragraphs == [
                "Growers lit thousands of candles overnight to keep blossoms above freezing.",
                "The cold spell is expected to last until the weekend.",
                "Forecasters said temperatures could drop again on Friday night before a milder wind arrives from the south.",
            ])
    }

    @Test func textWithoutHeaderKeepsAllParagraphs() {
        let text = "First sentence of a note. It goes on.\n\nSecond paragraph here."
        let article = TextScrapeExtractStage().extract(text)
        #expect(article.title == nil)
        #expect(article.section == nil)
        #expect(article.paragraphs == ["First sentence of a note. It goes on.", "Second paragraph here."])
    }
}
