import Foundation
import Testing

@testable import ArticlePipeline

/// Authors from declared metadata, labels and bylines, tidied (`Fixtures/authors.jsonl`: a small
/// page each, with the expected authors after the clean stage).
@Suite struct AuthorRulesTests {
    private struct Case: Decodable {
        var `case`: String
        var html: String
        var expected: [String]
    }

    private static func authors(_ html: String, pageType: String? = nil) -> [String] {
        var article = ExtractedArticle()
        HTMLMetadataExtractor(document: PipelineTestSupport.parse(html)).extract(into: &article)
        article.pageType = pageType
        MetadataCleanup().clean(&article, domain: "example.org")
        return article.authors
    }

    @Test func authorsOfFixturePages() throws {
        let cases = try PipelineTestSupport.fixtureCases("authors.jsonl", as: Case.self)
        #expect(cases.count >= 15)
        for item in cases {
            #expect(Self.authors(item.html) == item.expected, "\(item.case)")
        }
    }

    @Test func aProductPageKeepsOnlyPeople() {
        let team =
            "<html><head><meta name=\"author\" content=\"Acme\"></head><body><h1>Lamp</h1></body></html>"
        #expect(Self.authors(team, pageType: "article") == ["Acme"])
        #expect(Self.authors(team, pageType: "product").isEmpty)
        let person =
            "<html><head><meta name=\"author\" content=\"Rita Gomes\"></head><body><h1>Lamp</h1></body></html>"
        #expect(Self.authors(person, pageType: "product") == ["Rita Gomes"])
    }

    @Test func namesAreSplitAndTidied() {
        #expect(AuthorNames.split(["By Ann Lee, Bo Park and Cy Ford"]) == ["Ann Lee", "Bo Park", "Cy Ford"])
        #expect(AuthorNames.tidy("Lance Ryan (Content Manager)") == "Lance Ryan")
        #expect(AuthorNames.tidy("Haley Hoekstra •") == "Haley Hoekstra")
        // Particles stay inside a name; an acronym before a separator is not cut off its department.
        #expect(AuthorNames.tidy("Marna van der Merwe | People Lab") == "Marna van der Merwe")
        #expect(AuthorNames.tidy("PMJS - Coordenadoria de TI") == "PMJS - Coordenadoria de TI")
        #expect(AuthorNames.isNotAName("262588213843476"))
    }
}
