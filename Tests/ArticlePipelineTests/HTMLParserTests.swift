import Foundation
import Synchronization
import TestExecutors
import Testing

@testable import ArticlePipeline

@Suite struct HTMLParserTests {
    @Test func voidElementsHaveNoChildren() throws {
        let document = PipelineTestSupport.parse("<div>a<br>b<img src=x.jpg><hr>c</div>")
        let div = try #require(document.firstElement(named: "div"))
        #expect(PipelineTestSupport.childNames(document, of: div) == ["br", "img", "hr"])
        #expect(document.rawText(of: div) == "abc")
        let image = try #require(document.firstElement(named: "img"))
        #expect(document.attribute("src", of: image) == "x.jpg")
    }

    @Test func paragraphsAndListItemsCloseImplicitly() throws {
        let document = PipelineTestSupport.parse(
            "<body><p>one<p>two<div>three</div><ul><li>a<li>b</ul></body>")
        let body = try #require(document.firstElement(named: "body"))
        #expect(PipelineTestSupport.childNames(document, of: body) == ["p", "p", "div", "ul"])
        let list = try #require(document.firstElement(named: "ul"))
        #expect(PipelineTestSupport.childNames(document, of: list) == ["li", "li"])
        #expect(document.children(of: list).map { document.rawText(of: $0) } == ["a", "b"])
    }

    @Test func tableCellsAndDefinitionsCloseImplicitly() throws {
        let document = PipelineTestSupport.parse(
            "<table><tr><td>1<td>2<tr><th>3</table><dl><dt>k<dd>v<dt>k2</dl>")
        let table = try #require(document.firstElement(named: "table"))
        #expect(PipelineTestSupport.childNames(document, of: table) == ["tr", "tr"])
        let firstRow = document.children(of: table)[0]
        #expect(PipelineTestSupport.childNames(document, of: firstRow) == ["td", "td"])
        let list = try #require(document.firstElement(named: "dl"))
        #expect(PipelineTestSupport.childNames(document, of: list) == ["dt", "dd", "dt"])
    }

    @Test func rawTextIsNotParsedAsMarkup() throws {
        let html =
            "<script>if (a < b && c) { x = \"</div>\"; }</script><style>p>b{}</style><title>A &amp; B</title><p>x"
        let document = PipelineTestSupport.parse(html)
        let script = try #require(document.firstElement(named: "script"))
        #expect(document.rawText(of: script) == "if (a < b && c) { x = \"</div>\"; }")
        #expect(document.firstElement(named: "div") == nil)
        let style = try #require(document.firstElement(named: "style"))
        #expect(document.rawText(of: style) == "p>b{}")
        let title = try #require(document.firstElement(named: "title"))
        #expect(document.rawText(of: title) == "A & B")
        #expect(document.firstElement(named: "p") != nil)
    }

    @Test func characterReferencesAreDecoded() throws {
        let html =
            "<p title=\"a&quot;b &amp; c\">&lt;x&gt; caf&eacute; &mdash; &#8220;q&#x201D; &#150; &hellip; &nbsp;&copy 2025 &bogus;</p>"
        let document = PipelineTestSupport.parse(html)
        let paragraph = try #require(document.firstElement(named: "p"))
        #expect(
            document.rawText(of: paragraph)
                == "<x> caf\u{e9} \u{2014} \u{201C}q\u{201D} \u{2013} \u{2026} \u{a0}\u{a9} 2025 &bogus;")
        #expect(document.attribute("title", of: paragraph) == "a\"b & c")
    }

    @Test func attributeURLsKeepTheirQueries() throws {
        let document = PipelineTestSupport.parse("<a href=\"/s?a=1&copy=2&amp;b=3\" class=x data-y='z'>l</a>")
        let link = try #require(document.firstElement(named: "a"))
        #expect(document.attribute("href", of: link) == "/s?a=1&copy=2&b=3")
        #expect(document.attribute("class", of: link) == "x")
        #expect(document.attribute("data-y", of: link) == "z")
    }

    @Test func commentsAndDoctypeAreNotText() throws {
        let document = PipelineTestSupport.parse(
            "<!DOCTYPE html><!-- <p>hidden</p> --><p>shown<!---->!</p><?xml x?>")
        #expect(
            document.nodes.indices.contains {
                document.nodes[$0].kind == .doctype && document.text(of: $0) == "html"
            })
        #expect(
            document.nodes.indices.contains {
                document.nodes[$0].kind == .comment && document.text(of: $0) == " <p>hidden</p> "
            })
        let paragraphs = document.nodes.indices.filter { document.name(of: $0) == "p" }
        #expect(paragraphs.count == 1)
        #expect(document.rawText(of: paragraphs[0]) == "shown!")
    }

    @Test func unclosedAndStrayTagsAreTolerated() throws {
        let document = PipelineTestSupport.parse("<div><span>a</div><p>b</span>c</em><b>d")
        let div = try #require(document.firstElement(named: "div"))
        #expect(document.rawText(of: div) == "a")
        let paragraph = try #require(document.firstElement(named: "p"))
        #expect(document.rawText(of: paragraph) == "bcd")
        let cutOff = PipelineTestSupport.parse("<p>text</p><a href=\"unfinished")
        #expect(cutOff.firstElement(named: "a") == nil)
        #expect(cutOff.rawText(of: 0) == "text")
    }

    @Test func uppercaseTagsAndAttributesAreLowerCased() throws {
        let document = PipelineTestSupport.parse("<DIV CLASS=Main><P>x</P></DIV>")
        let div = try #require(document.firstElement(named: "div"))
        #expect(document.attribute("class", of: div) == "Main")
        #expect(PipelineTestSupport.childNames(document, of: div) == ["p"])
    }

    @Test func deepNestingIsFlattenedQuickly() throws {
        let depth = 100_000
        let html =
            String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
            + "<p>after</p>"
        let started = Date()
        let document = PipelineTestSupport.parse(html)
        let seconds = Date().timeIntervalSince(started)
        #expect(seconds < 20, "parsing took \(seconds) s")
        #expect(document.warnings.contains { $0.contains("flattened") })
        #expect(document.rawText(of: 0) == "deepafter")
        let paragraph = try #require(document.firstElement(named: "p"))
        #expect(document.nodes[paragraph].parent == 0)
        var depthOfText = 0
        var node = try #require(document.nodes.indices.first { document.text(of: $0) == "deep" })
        while node > 0 {
            node = Int(document.nodes[node].parent)
            depthOfText += 1
        }
        #expect(depthOfText <= PipelineSettings().maxDepth + 2)
    }

    /// Workers run the pipeline on threads with small stacks; the tree walks must fit in 512 KB
    /// at the deepest nesting the parser allows.
    @Test func deepNestingFitsASmallThreadStack() throws {
        let depth = 5_000
        let opening = (0..<depth).map { $0 % 2 == 0 ? "<div class=\"c\">" : "<span>" }.joined()
        let closing = (0..<depth).reversed().map { $0 % 2 == 0 ? "</div>" : "</span>" }.joined()
        let html =
            "<html><body>" + opening + "<p>Deep text that is long enough to count as a paragraph.</p>"
            + closing
        let raw = PipelineTestSupport.raw(html)
        let result = Mutex<ArticleRecord?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let record = try? Pipeline().process(raw)
            result.withLock { $0 = record }
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        let record = try #require(result.withLock { $0 })
        #expect(record.text == "Deep text that is long enough to count as a paragraph.")
        #expect(record.warnings.contains { $0.contains("flattened") })
    }

    @Test func elementLimitStopsTheTreeWithAWarning() {
        var settings = PipelineSettings()
        settings.maxElements = 10
        let html = String(repeating: "<p>x</p>", count: 50)
        let document = PipelineTestSupport.parse(html, settings: settings)
        #expect(document.nodes.filter { $0.kind == .element }.count == 10)
        #expect(document.warnings.contains { $0.contains("more than 10 elements") })
    }

    /// Processing 20 MB takes most of a minute in a debug build: it runs on a dedicated thread.
    @Test func bodyLimitsAreEnforcedThroughThePipeline() async throws {
        let filler = String(repeating: "Plain words in a long test paragraph. ", count: 5)
        var html = "<html><body><article>"
        var count = 0
        while html.utf8.count <= 20 << 20 {
            html += "<p>Paragraph \(count) \(filler)</p>\n"
            count += 1
        }
        html += "</article></body></html>"
        let body = Array(html.utf8)
        #expect(body.count > 20 << 20)
        #expect(throws: PipelineError.self) { try Pipeline().process(PipelineTestSupport.raw(body)) }
        do {
            _ = try Pipeline().process(PipelineTestSupport.raw(body))
        } catch {
            #expect(error.stage == "limits")
        }
        var settings = PipelineSettings()
        settings.maxBodyBytes = 32 << 20
        let record = try await DedicatedThreads.run {
            try Pipeline(settings: settings).process(PipelineTestSupport.raw(body))
        }
        #expect(record.paragraphs == count)
        #expect(record.wordCount == count * 37)
    }

    @Test func emptyBodyIsALimitsError() {
        #expect(throws: PipelineError(stage: "limits", reason: "empty body")) {
            try Pipeline().process(PipelineTestSupport.raw([UInt8]()))
        }
    }
}
