import Foundation
import Testing

@testable import ArticlePipeline

/// Authors that depend on the kind of page: the writer of a forum thread is its first post's user
/// name, not a name in the lists around it, while on other pages user names belong to commenters;
/// on a product page the names in customers' reviews are reviewers, not writers
/// (`Fixtures/page-type-authors.jsonl`: a small page each, the page type the classifier would give
/// it, and the expected authors).
@Suite struct PageTypeAuthorTests {
    private struct Case: Decodable {
        var `case`: String
        var pageType: String
        var html: String
        var expected: [String]
    }

    @Test func authorsByPageType() throws {
        let cases = try PipelineTestSupport.fixtureCases("page-type-authors.jsonl", as: Case.self)
        #expect(cases.count >= 5)
        for item in cases {
            var article = ExtractedArticle()
            article.pageType = item.pageType
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            MetadataCleanup().clean(&article, domain: "example.org")
            #expect(article.authors == item.expected, "\(item.case)")
        }
    }
}
