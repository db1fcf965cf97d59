import Foundation
import Testing

@testable import ArticlePipeline

/// `published` and `modified` kept apart (`Fixtures/modified-dates.jsonl`: a small page each with
/// the expected dates or null), and `modified` carried into the record and its JSON.
@Suite struct ModifiedDateTests {
    private struct Case: Decodable {
        var `case`: String
        var html: String
        var published: String?
        var modified: String?
    }

    @Test func datesOfFixturePages() throws {
        let cases = try PipelineTestSupport.fixtureCases("modified-dates.jsonl", as: Case.self)
        #expect(cases.count >= 8)
        for item in cases {
            var article = ExtractedArticle()
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            #expect(article.published == item.published, "published: \(item.case)")
            #expect(article.modified == item.modified, "modified: \(item.case)")
        }
    }

    @Test func modifiedFollowsPublishedInTheRecord() throws {
        let page = """
            <html><head><meta property="article:published_time" content="2024-03-01">
            <meta property="article:modified_time" content="2024-03-05"></head>
            <body><h1>Ferry fares</h1><p>The ferry fares rise in May.</p></body></html>
            """
        let record = try Pipeline().process(PipelineTestSupport.raw(page))
        #expect(record.published == "2024-03-01")
        #expect(record.modified == "2024-03-05")
        let json = String(decoding: RecordJSON.encode(record), as: UTF8.self)
        let published = try #require(json.firstRange(of: "\"published\":\"2024-03-01\""))
        let modified = try #require(json.firstRange(of: "\"modified\":\"2024-03-05\""))
        let description = json.firstRange(of: "\"description\":")?.lowerBound ?? json.endIndex
        #expect(published.upperBound < modified.lowerBound && modified.upperBound <= description)
        let decoded = try JSONDecoder().decode(ArticleRecord.self, from: Data(RecordJSON.encode(record)))
        #expect(decoded.modified == "2024-03-05")
    }

    @Test func aRecordWithoutAnUpdateHasNoModifiedKey() throws {
        let record = try Pipeline().process(
            PipelineTestSupport.raw("<html><body><h1>A</h1><p>Text.</p></body></html>"))
        #expect(record.modified == nil)
        #expect(!String(decoding: RecordJSON.encode(record), as: UTF8.self).contains("\"modified\""))
    }
}
