import Testing

@testable import ArticlePipeline

@Suite struct MetadataCleanupTests {
    private func cleaned(title: String?, authors: [String], domain: String?) -> ExtractedArticle {
        var article = ExtractedArticle()
        article.title = title
        article.authors = authors
        MetadataCleanup().clean(&article, domain: domain)
        return article
    }

    @Test func titleLosesATailThatNamesTheSite() {
        #expect(
            cleaned(title: "Spain wins - Sportsnet.ca", authors: [], domain: "sportsnet.ca").title
                == "Spain wins")
        #expect(
            cleaned(
                title: "Só quem se Ama — Mensagens de Reflexão", authors: [],
                domain: "mensagensreflexao.com.br"
            )
            .title == "Só quem se Ama")
        #expect(cleaned(title: "Tips | blog100.com", authors: [], domain: nil).title == "Tips")
        // A tail that is part of the headline stays.
        #expect(
            cleaned(title: "Ferry returns - and so do the crowds", authors: [], domain: "example.org").title
                == "Ferry returns - and so do the crowds")
    }

    @Test func authorsKeepNamesOnly() {
        let article = cleaned(
            title: nil,
            authors: [
                "Analysis by Chris Cillizza", "CNN Editor-at-large", "Business Insider", "admin", "Tess Bonn",
            ],
            domain: "www.businessinsider.com")
        #expect(article.authors == ["Chris Cillizza", "Tess Bonn"])
        let departments = cleaned(
            title: nil,
            authors: ["PMJS - Coordenadoria de TI", "Redação", "Redaktion Stadtleben", "Ana Lima"],
            domain: nil)
        #expect(departments.authors == ["Ana Lima"])
        #expect(cleaned(title: nil, authors: ["정덕현", "rmb8090"], domain: nil).authors == ["정덕현"])
    }
}
