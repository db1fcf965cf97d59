import Foundation
import Testing

@testable import ArticlePipeline

/// Publication dates by page type (`Fixtures/page-type-dates.jsonl`: a small page each, the type
/// the classifier would give it, and the expected date or null): a page that is not a piece of
/// writing gives only a date line shown by its headline; an article or a thread reads the date of
/// a plain web page's JSON-LD node.
@Suite struct PageTypeDatesTests {
    private struct Case: Decodable {
        var `case`: String
        var type: String
        var html: String
        var expected: String?
    }

    @Test func datesByPageType() throws {
        let cases = try PipelineTestSupport.fixtureCases("page-type-dates.jsonl", as: Case.self)
        #expect(cases.count >= 6)
        for item in cases {
            var article = ExtractedArticle()
            article.pageType = item.type
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            #expect(article.published == item.expected, "\(item.case)")
        }
    }

    @Test func writingTypes() {
        let dated = PageType.allCases.filter(HTMLMetadataExtractor.isDatedWriting)
        #expect(dated == [.article, .forum])
    }
}
