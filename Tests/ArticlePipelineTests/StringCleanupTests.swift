import Testing

@testable import ArticlePipeline

@Suite struct StringCleanupTests {
    @Test func whitespaceRunsCollapseToOneSpace() {
        let text =
            " \n\ta\u{a0}\u{a0}b\u{2009}c\u{3000}d\u{200b}e  f\u{ad}g\r\n caf\u{e9} \u{65E5}\u{672C} \u{2028}"
        #expect(text.collapsingWhitespace() == "a b c d e fg caf\u{e9} \u{65E5}\u{672C}")
        #expect("".collapsingWhitespace() == "")
        #expect(" \u{a0} ".collapsingWhitespace() == "")
    }

    @Test func asciiTrimmingKeepsInnerSpace() {
        #expect("  a b \n".trimmingASCIIWhitespace() == "a b")
        #expect("ab".trimmingASCIIWhitespace() == "ab")
        #expect(" \t ".trimmingASCIIWhitespace() == "")
    }
}
