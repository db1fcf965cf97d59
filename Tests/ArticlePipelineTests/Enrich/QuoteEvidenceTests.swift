import Testing

@testable import ArticlePipeline

/// Which quotation marks hold someone's words (`QuoteEvidence`), end to end through the enrich stage.
@Suite struct QuoteEvidenceTests {
    private func quotes(_ paragraphs: [String]) -> [ArticleRecord.Quote] {
        var article = ExtractedArticle()
        article.paragraphs = paragraphs
        article.language = "en"
        return EnrichStage().enrich(article).quotes
    }

    @Test func aGuideThatQuotesNobodyHasScareQuotesAndQueriesNotQuotes() {
        let found = quotes([
            "A \"smart\" plug saves power, and the \"eco mode\" saves more.",
            "Search for \"best plugs for the kitchen\" and compare the results.",
        ])
        #expect(found.isEmpty)
    }

    @Test func speechKeepsAttributedAndSentenceLongQuotesButNotUnattributedWordsOrTitles() {
        let found = quotes([
            "“We will reopen the pier in May,” said Jane Roe, the harbour master.",
            "The repairs were “overdue” under the plan “Open Pier Project” of the council.",
            "Residents wrote that “the whole town has waited long enough” for the work.",
        ])
        let texts = found.map(\.text)
        #expect(texts.contains("We will reopen the pier in May"))
        #expect(found.first?.speaker == "Jane Roe")
        #expect(texts.contains("the whole town has waited long enough"))
        #expect(!texts.contains("overdue"))
        #expect(!texts.contains("Open Pier Project"))
    }
}
