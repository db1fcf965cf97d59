import Testing

@testable import ArticlePipeline

/// The genre words a page uses where it names itself (address, title, headings), read as features
/// of the page-type model.
@Suite struct PageWordsTests {
    private func words(_ html: String, url: String? = nil) -> PageWords {
        let document = PipelineTestSupport.parse(html)
        var words = PageStructure(document: document).words
        words.readAddress(segments: PageSignals(document: document, url: url).segments)
        return words
    }

    private func found(_ flags: [Bool]) -> Set<String> {
        Set(zip(PageVocabulary.genreWords, flags).filter(\.1).map(\.0))
    }

    @Test func addressWordsAreSplitAtPunctuationAndDigits() {
        let url = "https://shop.example.org/Blog/best-kettles2024_vs_jugs.html?q=forum"
        let page = words("<p>x</p>", url: url)
        #expect(found(page.inAddress) == ["blog", "best", "vs"], "host, query and other words do not count")
        #expect(found(words("<p>x</p>").inAddress).isEmpty)
    }

    @Test func onlyTheFirstTitleCounts() {
        let page = words(
            """
            <html><head><title>Kettle Forum | Help &amp; Support</title></head>
            <body><svg><title>Shop</title></svg><p>Text</p></body></html>
            """)
        #expect(found(page.inTitle) == ["forum", "help", "support"])
    }

    @Test func headingWordsAreCountedAmongAllHeadingWords() {
        let page = words(
            """
            <h1>Our services</h1><p>services pricing</p><h2>Pricing plans</h2>
            <h3>Dienstleistungen und Services</h3><script>/* <h2>services</h2> */</script>
            """)
        let index = { PageVocabulary.genreWords.firstIndex(of: $0)! }
        #expect(page.headingWords == 7)
        #expect(page.inHeadings[index("services")] == 2, "paragraph text does not count")
        #expect(page.inHeadings[index("pricing")] == 1)
        #expect(page.inHeadings[index("plans")] == 1)
        #expect(page.inHeadings.reduce(0, +) == 4)
    }

    @Test func theWordsAreFeaturesOfTheModel() {
        let document = PipelineTestSupport.parse("<title>Community forum</title><h2>Latest topics</h2>")
        let values = PageFeatures(document: document, url: "https://example.org/docs/install").values
        let value = { values[PageFeatures.names.firstIndex(of: $0)!] }
        #expect(value("word.address.docs") == 1)
        #expect(value("word.title.forum") == 1)
        #expect(value("word.title.docs") == 0)
        #expect(value("word.heading.topics") > 0)
        #expect(value("word.heading.forum") == 0)
    }
}
