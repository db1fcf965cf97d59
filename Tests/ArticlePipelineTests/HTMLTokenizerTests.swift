import Testing

@testable import ArticlePipeline

/// The tokenizer's states, checked through the tree they produce.
@Suite struct HTMLTokenizerTests {
    private func text(_ html: String) -> String {
        PipelineTestSupport.parse(html).rawText(of: 0)
    }

    @Test func namedReferencesUseTheFullTableAndLongestMatch() {
        #expect(
            text("&notin; &notit; &NotEqualTilde; &CounterClockwiseContourIntegral; &fjlig;")
                == "\u{2209} \u{AC}it; \u{2242}\u{338} \u{2233} fj")
        #expect(
            text("&amp &AMP; &eacute &Eacute; &zwnj; &unknown; & x &;")
                == "& & \u{E9} \u{C9} \u{200C} &unknown; & x &;")
    }

    @Test func numericReferencesFollowTheReplacementRules() {
        #expect(
            text("&#65;&#x42;&#X43;&#0;&#x110000;&#xD800;&#128;&#x9F;&#159 &#;&#x;")
                == "ABC\u{FFFD}\u{FFFD}\u{FFFD}\u{20AC}\u{178}\u{178} &#;&#x;")
        #expect(text("&#99999999999999999999;") == "\u{FFFD}")
    }

    @Test func attributeValuesKeepAmbiguousReferences() throws {
        let document = PipelineTestSupport.parse(
            "<a href=/x?a=1&copy=2&notit=3&amp;b=&lt; title='&copy 2025' data-x=a&quot;b>l</a>")
        let link = try #require(document.firstElement(.a))
        #expect(document.attribute("href", of: link) == "/x?a=1&copy=2&notit=3&b=<")
        #expect(document.attribute("title", of: link) == "\u{A9} 2025")
        #expect(document.attribute("data-x", of: link) == "a\"b")
    }

    @Test func attributesTakeEveryForm() throws {
        let document = PipelineTestSupport.parse("<div a b=1 c = \"2\" d='3'e=4 A=dup =x/><p>y</p></div>")
        let div = try #require(document.firstElement(.div))
        #expect(document.attribute("a", of: div) == "")
        #expect(document.attribute("b", of: div) == "1")
        #expect(document.attribute("c", of: div) == "2")
        #expect(document.attribute("d", of: div) == "3")
        #expect(document.attribute("e", of: div) == "4")
        #expect(document.attribute("=x", of: div) == "")
        #expect(document.nodes[div].attributeCount == 6)  // the duplicate `A` is dropped
        // `<div/>` is not self-closing in HTML: the paragraph is inside it.
        #expect(PipelineTestSupport.childNames(document, of: div) == ["p"])
    }

    @Test func commentsEndTheWayTheStandardSays() {
        let document = PipelineTestSupport.parse("a<!-->b<!--->c<!-- x --!>d<!-- -- -->e<!--unterminated")
        #expect(document.rawText(of: 0) == "abcde")
        let comments = document.nodes.indices.filter { document.nodes[$0].kind == .comment }
        #expect(comments.map { document.text(of: $0) } == ["", "", " x ", " -- ", "unterminated"])
    }

    @Test func cdataIsTextOnlyInForeignContent() {
        #expect(text("<p><![CDATA[x<y]]>z</p>") == "z")
        #expect(text("<svg><text><![CDATA[x<y]]></text></svg>w") == "x<yw")
    }

    @Test func foreignContentHonoursSelfClosingAndBreaksOut() throws {
        let document = PipelineTestSupport.parse("<svg><path d=\"x\"/><g/><title>t</title></svg><div/>after")
        let svg = try #require(document.firstElement(.svg))
        #expect(PipelineTestSupport.childNames(document, of: svg) == ["path", "g", "title"])
        let broken = PipelineTestSupport.parse("<svg><g><p>text</p>")
        let paragraph = try #require(broken.firstElement(.p))
        #expect(broken.nodes[paragraph].parent == 0)
    }

    @Test func scriptDataEscapesKeepNestedScriptTags() throws {
        let html = "<script><!-- document.write('<script>x</script>'); --></script><p>after</p>"
        let document = PipelineTestSupport.parse(html)
        let script = try #require(document.firstElement(.script))
        #expect(document.rawText(of: script) == "<!-- document.write('<script>x</script>'); -->")
        #expect(document.firstElement(.p) != nil)
        let plain = PipelineTestSupport.parse("<SCRIPT>a</b></ScRiPt >c")
        #expect(plain.rawText(of: 0) == "a</b>c")
    }

    @Test func rcdataDecodesReferencesButNoTags() throws {
        let document = PipelineTestSupport.parse(
            "<textarea>&lt;b&gt; <i>x</i></textarea><title>A&amp;B</title>")
        let area = try #require(document.firstElement(.textarea))
        #expect(document.rawText(of: area) == "<b> <i>x</i>")
        #expect(document.firstElement(.i) == nil)
        let title = try #require(document.firstElement(.title))
        #expect(document.rawText(of: title) == "A&B")
    }

    @Test func plaintextTakesTheRest() {
        #expect(text("a<plaintext>b</plaintext><p>c") == "ab</plaintext><p>c")
    }

    @Test func strayMarkupIsText() {
        #expect(text("a < b, c <= d, 1<2, </>e</ f>g<") == "a < b, c <= d, 1<2, eg<")
        #expect(text("x</") == "x</")
    }

    @Test func unknownElementsMatchTheirEndTags() throws {
        let document = PipelineTestSupport.parse("<My-Widget id=w><b>x</b></MY-WIDGET>y")
        let widget = try #require(document.firstElement(named: "my-widget"))
        #expect(document.rawText(of: widget) == "x")
        #expect(document.nodes[widget].parent == 0)
        #expect(document.attribute("id", of: widget) == "w")
    }

    @Test func endBrIsABreakAndNulIsDropped() throws {
        let document = PipelineTestSupport.parse("<p>a</br>b\u{0}c</p>")
        let paragraph = try #require(document.firstElement(.p))
        #expect(PipelineTestSupport.childNames(document, of: paragraph) == ["br"])
        #expect(document.rawText(of: paragraph) == "abc")
    }

    @Test func bodyContentEndsAnUnclosedHead() throws {
        let document = PipelineTestSupport.parse(
            "<html><head><title>t</title><meta charset=utf-8><div>body text</div>")
        let div = try #require(document.firstElement(.div))
        let head = try #require(document.firstElement(.head))
        #expect(document.nodes[div].parent != Int32(head))
        #expect(PipelineTestSupport.childNames(document, of: head) == ["title", "meta"])
    }

    @Test func tagTableKnowsEveryTag() {
        for tag in HTMLTag.allCases where tag != .unknown {
            let name = Array(tag.name.uppercased().utf8)
            let found = name.withUnsafeBufferPointer { HTMLTagTable.tag($0, 0, $0.count) }
            #expect(found == tag)
        }
        let other = Array("blockquotes".utf8)
        #expect(other.withUnsafeBufferPointer { HTMLTagTable.tag($0, 0, $0.count) } == .unknown)
    }

    @Test func theArenaIsReusedAcrossPages() {
        var stage = ParseStage(settings: .init())
        let first = Array(String(repeating: "<p class=a>some text</p>", count: 2000).utf8)
        _ = stage.parse(DecodedDocument(utf8: first, format: .html, charset: "utf-8"))
        let second = stage.parse(
            DecodedDocument(utf8: Array("<p>x</p>".utf8), format: .html, charset: "utf-8"))
        #expect(second.nodes.count == 3)
        #expect(second.nodes.capacity >= 4000)
        #expect(second.rawText(of: 0) == "x")
    }
}

/// Inputs built to make a naive parser quadratic or deep must finish quickly and keep the limits.
@Suite struct PathologicalInputTests {
    static let patterns: [(String, String)] = [
        (
            "unclosed divs then paragraphs",
            String(repeating: "<div>", count: 20_000) + String(repeating: "<p>x", count: 20_000)
        ),
        (
            "inline nesting with stray end tags",
            String(repeating: "<b>", count: 20_000) + String(repeating: "</i></b>", count: 20_000)
        ),
        (
            "unknown elements with other end tags",
            String(repeating: "<x-a>", count: 20_000) + String(repeating: "</x-b>", count: 20_000)
        ),
        ("tables in cells", String(repeating: "<table><tr><td>", count: 10_000)),
        ("ampersands", String(repeating: "&&#&#x&amp&notit;", count: 20_000)),
        ("unclosed comment", "<p>a<!--" + String(repeating: "-- > <p>", count: 30_000)),
        ("script escapes", "<script><!--" + String(repeating: "<script></script>-", count: 20_000)),
        ("attributes", "<div " + String(repeating: "a=\"1\" b='2' c=3 ", count: 20_000) + ">x</div>"),
        ("foreign content breakouts", String(repeating: "<svg><p><math><b>", count: 10_000)),
        ("anchors", String(repeating: "<a href=x><div>", count: 20_000)),
    ]

    @Test(arguments: patterns.map(\.0))
    func finishesQuickly(_ name: String) throws {
        let html = try #require(Self.patterns.first { $0.0 == name }?.1)
        let started = ContinuousClock.now
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        let elapsed = ContinuousClock.now - started
        #expect(elapsed < .seconds(10), "\(name) took \(elapsed)")
        #expect(record.text.utf8.count <= html.utf8.count)
    }
}
