import Testing

@testable import ArticlePipeline

/// The shortcuts taken for speed say what the long way said: the arena the tokenizer writes in
/// place is large enough when references decode longer than written, a class value's furniture
/// verdict is remembered for that value only, and runs of alike siblings are told by tag, attributes
/// and class value.
@Suite struct ParseSpeedPathTests {
    /// `&nGt;` (5 bytes) decodes to U+226B U+20D2 (6 bytes), the largest growth of any reference.
    private static let growing = "&nGt;"
    private static let grown = "\u{226B}\u{20D2}"

    @Test func aPageOfReferencesThatGrowFitsTheArena() throws {
        let count = 20_000
        let html =
            "<div title=\"" + String(repeating: Self.growing, count: count) + "\">"
            + String(repeating: Self.growing, count: count) + "</div>"
        let document = PipelineTestSupport.parse(html)
        let div = try #require(document.firstElement(.div))
        let expected = String(repeating: Self.grown, count: count)
        #expect(document.attribute("title", of: div) == expected)
        #expect(document.rawText(of: 0) == expected)
        #expect(document.bytes.count > html.utf8.count)
    }

    @Test func textBetweenReferencesAndNULsKeepsItsBytes() {
        let html = "<p>a&amp;b\u{0}c &lt;d&gt; e&#x263A;</p><p>plain text of some length</p>"
        #expect(
            PipelineTestSupport.parse(html).rawText(of: 0) == "a&bc <d> e\u{263A}plain text of some length")
    }

    private func paragraphs(_ body: String) -> [String] {
        MainTextSelector(document: PipelineTestSupport.parse("<html><body>\(body)</body></html>"))
            .paragraphs()
    }

    @Test func aRepeatedClassValueKeepsItsOwnVerdict() {
        let prose = "A sentence of the story that is long enough to count as prose on its own."
        var body = "<article>"
        for index in 0..<6 {
            // Same length, one letter apart: "nav-" marks furniture, "nab-" does not.
            body += "<div class=\"nav-links\"><p>Menu entry \(index) \(prose)</p></div>"
            body += "<div class=\"nab-links\"><p>Story line \(index) \(prose)</p></div>"
        }
        body += "</article>"
        let text = paragraphs(body)
        #expect(text.count == 6)
        #expect(text.allSatisfy { $0.hasPrefix("Story line") })
    }

    private func structure(_ body: String) -> PageStructure {
        PageStructure(document: PipelineTestSupport.parse("<html><body>\(body)</body></html>"))
    }

    private func items(_ opening: String, _ count: Int) -> String {
        (0..<count).map { "\(opening)Item \($0) with a few words of text</li>" }.joined()
    }

    @Test func siblingsWhoseClassDiffersOnlyInCaseAreOneRun() {
        let page = structure(
            "<ul>" + items("<li class=\"Card\">", 3) + items("<li class=\"card\">", 3) + "</ul>")
        #expect(page.largestRun == 6)
    }

    @Test func siblingsWithAnotherClassOrNoAttributesStartAnotherRun() {
        let classes = structure(
            "<ul>" + items("<li class=\"card\">", 4) + items("<li class=\"cards\">", 4) + "</ul>")
        #expect(classes.runs == 2)
        #expect(classes.largestRun == 4)
        let attributes = structure("<ul>" + items("<li id=x>", 4) + items("<li>", 4) + "</ul>")
        #expect(attributes.runs == 2)
        #expect(attributes.largestRun == 4)
    }
}
