import Testing

@testable import ArticlePipeline

/// A raw-text or RCDATA element that is never closed swallows the rest of the page in a conforming
/// parser; the parser closes it at once when what it swallowed is markup, and says so.
@Suite struct UnclosedRawTextTests {
    @Test(arguments: ["title", "textarea", "script", "style", "iframe", "xmp"])
    func unclosedElementGivesThePageBack(_ name: String) {
        let document = PipelineTestSupport.parse(
            "<html><body><\(name)>x<p>Kept paragraph text.</p></body></html>")
        #expect(document.warnings.contains("unclosed <\(name)>: the rest of the page read as markup"))
        #expect(document.firstElement(.p) != nil)
    }

    @Test func closedElementsKeepMarkupLikeTextAsText() {
        let document = PipelineTestSupport.parse(
            "<html><head><title>a <b> c</title></head><body><p>x</p></body></html>")
        #expect(document.warnings.isEmpty)
        #expect(document.firstElement(.b) == nil)
        #expect(document.firstElement(.title).map { document.rawText(of: $0) } == "a <b> c")
    }

    @Test func unclosedElementHoldingOnlyTextStaysText() {
        let document = PipelineTestSupport.parse("<html><body><textarea>just words, 3 < 4")
        #expect(document.warnings.isEmpty)
        #expect(document.firstElement(.textarea).map { document.rawText(of: $0) } == "just words, 3 < 4")
    }
}
