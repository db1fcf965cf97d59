import Foundation
import Testing

@testable import ArticlePipeline

/// Publication dates and authors read from visible text when the markup declares none
/// (`Fixtures/visible-dates.jsonl`, `Fixtures/visible-bylines.jsonl`: a small page each, with the
/// expected date or null, or the expected authors).
@Suite struct VisibleMetadataTests {
    private struct Case<Expected: Decodable>: Decodable {
        var `case`: String
        var html: String
        var expected: Expected
    }

    private static func cases<Expected: Decodable>(
        _ name: String, _: Expected.Type
    ) throws -> [Case<Expected>] {
        try PipelineTestSupport.fixtureCases(name, as: Case<Expected>.self)
    }

    @Test func visiblePublicationDates() throws {
        let cases = try Self.cases("visible-dates.jsonl", String?.self)
        #expect(cases.count >= 10)
        for item in cases {
            var article = ExtractedArticle()
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            #expect(article.published == item.expected, "\(item.case)")
        }
    }

    @Test func visibleBylines() throws {
        let cases = try Self.cases("visible-bylines.jsonl", [String].self)
        #expect(cases.count >= 7)
        for item in cases {
            var article = ExtractedArticle()
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            MetadataCleanup().clean(&article, domain: "example.org")
            #expect(article.authors == item.expected, "\(item.case)")
        }
    }

    @Test func urlDateIsTheLastResort() throws {
        let pipeline = Pipeline()
        let page = "<html><body><h1>Tariffs explained</h1><p>Body.</p></body></html>"
        let fromURL = try pipeline.process(
            PipelineTestSupport.raw(Array(page.utf8), url: "https://example.com/article/2019/nov/18/tariffs/")
        )
        #expect(fromURL.published == "2019-11-18")
        // Declared an article: on a page of another type a declared date is the record's, not a
        // publication (`HTMLMetadataExtractor.isDatedWriting`).
        let dated =
            "<html><head><meta property=\"og:type\" content=\"article\"><meta name=\"date\" content=\"2019-11-17\"></head>"
            + page.dropFirst(6)
        let fromMarkup = try pipeline.process(
            PipelineTestSupport.raw(
                Array(dated.utf8), url: "https://example.com/article/2019/nov/18/tariffs/"))
        #expect(fromMarkup.published == "2019-11-17")
    }
}
