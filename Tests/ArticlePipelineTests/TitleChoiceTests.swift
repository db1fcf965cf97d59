import Foundation
import Testing

@testable import ArticlePipeline

/// The headline chosen from `og:title`, JSON-LD, `<title>` and `<h1>` (`Fixtures/titles.jsonl`: a
/// small page each, with the expected title).
@Suite struct TitleChoiceTests {
    private struct Case: Decodable {
        var `case`: String
        var html: String
        var expected: String?
    }

    @Test func titlesOfFixturePages() throws {
        let cases = try PipelineTestSupport.fixtureCases("titles.jsonl", as: Case.self)
        #expect(cases.count >= 12)
        for item in cases {
            var article = ExtractedArticle()
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            #expect(article.title == item.expected, "\(item.case)")
        }
    }

    private struct TypedCase: Decodable {
        var `case`: String
        var type: String
        var html: String
        var expected: String?
    }

    /// `Fixtures/page-type-titles.jsonl`: the page type the classifier would give each page; a
    /// service page's headings are slogans, its declared title names it.
    @Test func titlesByPageType() throws {
        let cases = try PipelineTestSupport.fixtureCases("page-type-titles.jsonl", as: TypedCase.self)
        #expect(cases.count >= 3)
        for item in cases {
            var article = ExtractedArticle()
            article.pageType = item.type
            HTMLMetadataExtractor(document: PipelineTestSupport.parse(item.html)).extract(into: &article)
            #expect(article.title == item.expected, "\(item.case)")
        }
    }

    @Test func segmentsKeepTheirSeparators() {
        let (segments, separators) = TitleChoice.segments(of: " | Headline - Tagline | Site")
        #expect(segments == ["Headline", "Tagline", "Site"])
        #expect(separators == [" - ", " | "])
        #expect(TitleChoice.segments(of: "No separator").segments == ["No separator"])
    }

    @Test func siteNamesByHostNameAndInitials() {
        let choice = TitleChoice(
            headings: [], siteNames: ["World Future Awards"], host: "forum.example-news.co.uk")
        let keys = choice.siteKeys()
        #expect(keys.contains("examplenews"))
        #expect(!keys.contains("forum"))
        #expect(choice.isSiteName("WFA", keys: keys))
        #expect(choice.isSiteName("example-news.co.uk", keys: keys))
        #expect(!choice.isSiteName("Awards season opens", keys: keys))
    }

    @Test func headingAgreement() {
        #expect(TitleChoice.agrees("Budget vote delayed", with: ["Budget vote delayed again"]))
        #expect(!TitleChoice.agrees("Welcome to our shop", with: ["Garden tools for small plots"]))
        // A fragment from inside a long title, and a name that is only in the part after a separator.
        #expect(
            !TitleChoice.agrees(
                "Kestrel",
                with: ["How a team rebuilt the timetable, the machines, Kestrel, and the gauges in a winter"])
        )
        #expect(
            !TitleChoice.agrees("The Library Journal", with: ["Moving the archive - The Library Journal"]))
        #expect(
            TitleChoice.agrees("Garden Benches", with: ["Oakfield Garden Benches – Up to 40% Off This Week"]))
    }
}
