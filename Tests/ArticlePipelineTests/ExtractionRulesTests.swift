import Testing

@testable import ArticlePipeline
@testable import ExtractionScoring

/// The general extraction rules, each on a small page built to need it.
@Suite struct ExtractionRulesTests {
    private func text(_ html: String) throws -> String {
        try Pipeline().process(PipelineTestSupport.raw(html)).text
    }

    private func sentence(_ topic: String, _ number: Int) -> String {
        "The \(topic) report number \(number) explains in plain words what changed this week and why it matters to readers."
    }

    @Test func articleSplitIntoSiblingSectionsIsTakenWhole() throws {
        let sections = (0..<3).map { section in
            "<section><div class=\"body\">"
                + (0..<4).map { "<p>\(sentence("section \(section)", $0))</p>" }.joined()
                + "</div></section><figure><img src=x.jpg></figure>"
        }
        let html =
            "<html><body><div id=main>" + sections.joined()
            + "</div><div>Sidebar link list</div></body></html>"
        let text = try text(html)
        for section in 0..<3 {
            #expect(text.contains(sentence("section \(section)", 3)))
        }
    }

    @Test func looseTextInNestedDivsIsOneArticle() throws {
        let parts = (0..<3).map { "<div><span><span>\(sentence("div", $0))<br></span></span></div>" }
        let html =
            "<html><body><nav><a href=/>Home</a></nav><div class=\"post\">" + parts.joined()
            + "</div><div><a href=/a>Other story one</a> <a href=/b>Other story two</a></div></body></html>"
        let text = try text(html)
        for number in 0..<3 { #expect(text.contains(sentence("div", number))) }
        #expect(!text.contains("Other story"))
    }

    @Test func teaserCardsInsideLinksAreNotProse() throws {
        let article = (0..<4).map { "<p>\(sentence("main", $0))</p>" }.joined()
        let cards = (0..<8).map {
            "<article class=item><a href=/s\($0)><h4>Teaser \($0)</h4><p>\(sentence("teaser", $0))</p></a></article>"
        }
        let html =
            "<html><body><div class=story>" + article + "</div><div class=list>" + cards.joined()
            + "</div></body></html>"
        let text = try text(html)
        #expect(text.contains(sentence("main", 0)))
        #expect(!text.contains(sentence("teaser", 0)))
    }

    @Test func headlineRepeatsAndBareURLsAreDropped() throws {
        let html = """
            <html><head><meta property="og:title" content="Harbour Bridge Opens"></head><body><article>
            <h1>Harbour Bridge Opens</h1><p>HARBOUR BRIDGE OPENS</p><p>https://www.example.com/news/bridge</p>
            <p>\(sentence("bridge", 1))</p><p>\(sentence("bridge", 2))</p></article></body></html>
            """
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        #expect(record.title == "Harbour Bridge Opens")
        #expect(record.text == sentence("bridge", 1) + "\n\n" + sentence("bridge", 2))
    }

    @Test func hiddenElementsAndMetadataLinesAreNotText() throws {
        let html = """
            <html><body><article><div class="article-meta"><span class=date>Nov 18, 2019</span></div>
            <p>\(sentence("visible", 1))</p><div aria-hidden="true"><p>\(sentence("hidden", 1))</p></div>
            <div style="display: none"><p>\(sentence("hidden", 2))</p></div><p hidden>\(sentence("hidden", 3))</p>
            <div class="author-bio"><p>\(sentence("author", 1))</p></div>
            <div class="image-caption">A long caption that describes the photograph above in some detail.</div>
            <p>\(sentence("visible", 2))</p></article></body></html>
            """
        let text = try text(html)
        #expect(text == sentence("visible", 1) + "\n\n" + sentence("visible", 2))
    }

    @Test func codeKeepsTheSpansItsHighlighterNamesComment() throws {
        let intro = (1...3).map { "<p>\(sentence("setup", $0))</p>" }.joined()
        let code =
            "<pre><code><span class=\"hljs-comment\"># install the client first</span>\n"
            + "pip install client</code></pre>"
        let html = "<html><body><div class=doc>" + intro + code + "</div></body></html>"
        let extracted = try text(html)
        #expect(extracted.contains("# install the client first"))
        #expect(extracted.contains("pip install client"))
    }

    @Test func runsOfTextSplitByBreaksAreAnArticleOnAPageMadeOfParts() throws {
        // An old page: the story is one `<td>` of `<font>` runs split by `<br>` (one prose unit,
        // many paragraphs), beside a long menu. Even where the page type calls for reading a page
        // of parts whole, several lines of prose are the article.
        let runs = (1...5).map { "<font size=2>\(sentence("harbour", $0))</font><br><br>" }.joined()
        let menu = (1...60).map { "<a href=/s\($0)>Section \($0) of the site</a><br>" }.joined()
        let html =
            "<html><body><table><tr><td>" + menu + "</td><td>" + runs + "</td></tr></table></body></html>"
        let document = PipelineTestSupport.parse(html)
        let parts = MainTextSelector(document: document, readsWholePageWhenShort: true).paragraphs()
        #expect(parts.count == 5, "\(parts)")
        #expect(!parts.contains { $0.contains("Section 1 of the site") })
    }

    @Test func microdataArticleBodyIsPreferred() throws {
        // The teaser list has more prose than the article, but the article is marked up as such.
        let article = (0..<3).map { "<p>\(sentence("marked", $0))</p>" }.joined()
        let teasers = (0..<6).map { "<p>\(sentence("other", $0))</p>" }.joined()
        let html =
            "<html><body><div itemprop=\"articleBody\">" + article + "</div><div class=list>" + teasers
            + "</div></body></html>"
        let text = try text(html)
        #expect(text.contains(sentence("marked", 2)))
        #expect(!text.contains(sentence("other", 0)))
    }

    @Test func furnitureMarkersDoNotDropTheWholeArticle() throws {
        // A wrapper whose class carries a marker word but holds most of the page's prose stays.
        let html =
            "<html><body><div class=\"with-sidebar\"><div class=content>"
            + (0..<5).map { "<p>\(sentence("kept", $0))</p>" }.joined() + "</div></div></body></html>"
        #expect(try text(html).contains(sentence("kept", 4)))
    }
}

@Suite struct UTF8ValidatorTests {
    @Test func agreesWithTheStandardLibrary() {
        var samples: [[UInt8]] = [
            [], Array("plain ascii text that is longer than eight bytes".utf8), Array("café — 東京 😀".utf8),
            [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8],
            [0xE2, 0x82], [0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0xE2, 0x82, 0xAC], [0x80],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 0..<24, using: &generator)
            let pool: [UInt8] = [
                0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xA0, 0x9F,
            ]
            samples.append((0..<length).map { _ in pool.randomElement(using: &generator)! })
        }
        // Lengths around the 8- and 32-byte fast paths, ASCII only and with a late multi-byte character.
        for length in 0..<70 {
            samples.append([UInt8](repeating: 0x61, count: length))
            samples.append([UInt8](repeating: 0x61, count: length) + Array("é".utf8))
            samples.append([UInt8](repeating: 0x61, count: length) + [0xC3])
        }
        for sample in samples {
            #expect(
                UTF8Validator.isValid(sample[...]) == (String(validating: sample, as: UTF8.self) != nil),
                "\(sample)")
        }
    }
}

@Suite struct TableExtractionTests {
    @Test func dataTableRowsBecomeLines() throws {
        let intro = (0..<3).map {
            "<p>The standings after race \($0) show the drivers ranked by the points they have collected so far.</p>"
        }
        let rows =
            ["<tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"]
            + (1...4).map { "<tr><td>\($0)</td><td>Driver \($0)</td><td>\(5000 - $0 * 10)</td></tr>" }
        let html =
            "<html><body><div class=post>" + intro.joined() + "<table>" + rows.joined()
            + "</table></div></body></html>"
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        let lines = record.text.components(separatedBy: "\n\n")
        #expect(lines.contains("Pos. Driver Points"))
        #expect(lines.contains("3 Driver 3 4970"))
        // A layout table (paragraphs inside cells) is read paragraph by paragraph instead.
        let layout =
            "<html><body><table><tr><td>" + intro.joined()
            + "</td><td><p>Side column text that is long enough.</p></td></tr></table></body></html>"
        let layoutLines = try Pipeline().process(PipelineTestSupport.raw(layout)).text.components(
            separatedBy: "\n\n")
        #expect(layoutLines.first?.hasPrefix("The standings after race 0") == true)
    }
}

@Suite struct MainTextPipelineTests {
    @Test func paragraphsAreThoseOfThePipeline() throws {
        for name in ["harbour-ferry.html", "library-reopens.html"] {
            let raw = PipelineTestSupport.raw(try PipelineTestSupport.fixture(name))
            let paragraphs = try MainTextPipeline().paragraphs(of: raw)
            #expect(!paragraphs.isEmpty)
            #expect(paragraphs.joined(separator: "\n\n") == (try Pipeline().process(raw)).text)
        }
        #expect(throws: PipelineError.self) {
            try MainTextPipeline().paragraphs(of: PipelineTestSupport.raw([UInt8]()))
        }
    }
}

/// What is left of a page whose content scripts draw: a control's label is no main text.
@Suite struct ControlLabelTests {
    @Test(arguments: [["Sort :"], ["Cart (0)"], ["Skip to main content"], ["Menu", "Search"]])
    func aFewWordsThatEndNoSentenceAreALabel(_ paragraphs: [String]) {
        #expect(HTMLExtractStage.isControlLabel(paragraphs), "\(paragraphs)")
    }

    @Test(arguments: [
        ["The museum is closed."], ["Opening hours are unchanged this week"], ["Sold out!"], [],
        ["Harbour", "The ferry leaves at noon"],
    ])
    func aSentenceOrFiveWordsAreText(_ paragraphs: [String]) {
        #expect(!HTMLExtractStage.isControlLabel(paragraphs), "\(paragraphs)")
    }

    @Test func aPageLeftWithALabelHasNoText() throws {
        let html =
            "<html><body><div id=app></div><div class=toolbar-x><span>Cart (0)</span></div></body></html>"
        let article = HTMLExtractStage().extract(PipelineTestSupport.parse(html))
        #expect(article.paragraphs.isEmpty)
        #expect(article.warnings.contains("no article text found"))
    }
}
