import Foundation
import Testing

@testable import ArticlePipeline

/// Publication dates read from visible text when the markup declares none
/// (`Fixtures/visible-dates.jsonl`: a small page each, with the expected date or null).
@Suite struct VisibleDateTests {
    private struct Case: Decodable {
        var `case`: String
        var html: String
        var expected: String?
    }

    @Test func visiblePublicationDates() throws {
        let text = String(decoding: try TestSupport.fixture("visible-dates.jsonl"), as: UTF8.self)
        let cases = try text.split(separator: "\n").map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
        #expect(cases.count >= 10)
        for item in cases {
            var article = ExtractedArticle()
            HTMLMetadataExtractor(document: TestSupport.parse(item.html)).extract(into: &article)
            #expect(article.published == item.expected, "\(item.case)")
        }
    }

    @Test func urlDateIsTheLastResort() throws {
        let pipeline = Pipeline()
        let page = "<html><body><h1>Tariffs explained</h1><p>Body.</p></body></html>"
        let fromURL = try pipeline.process(
            TestSupport.raw(Array(page.utf8), url: "https://example.com/article/2019/nov/18/tariffs/"))
        #expect(fromURL.published == "2019-11-18")
        let dated = "<html><head><meta name=\"date\" content=\"2019-11-17\"></head>" + page.dropFirst(6)
        let fromMarkup = try pipeline.process(
            TestSupport.raw(Array(dated.utf8), url: "https://example.com/article/2019/nov/18/tariffs/"))
        #expect(fromMarkup.published == "2019-11-17")
    }
}
