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

    @Test func lastRangeFindsTheLastOccurrence() {
        let title = "Café – Straße | News | Zeitung"
        let range = title.lastRange(of: " | ")
        #expect(range.map { String(title[..<$0.lowerBound]) } == "Café – Straße | News")
        #expect(range.map { String(title[$0.upperBound...]) } == "Zeitung")
        #expect(title.lastRange(of: " – ").map { String(title[..<$0.lowerBound]) } == "Café")
        #expect("Café".lastRange(of: "Café") == "Café".startIndex..<"Café".endIndex)
        #expect(title.lastRange(of: " :: ") == nil)
        #expect("ab".lastRange(of: "abc") == nil)
        #expect("ab".lastRange(of: "") == nil)
    }

    @Test func asciiSearchIgnoresCaseOfTheHaystack() {
        #expect(ASCII.contains(Array("post-BYLINE".utf8), "byline"))
        #expect(ASCII.contains(Array("byline".utf8), "byline"))
        #expect(!ASCII.contains(Array("bylin".utf8), "byline"))
        #expect(ASCII.contains(Array("".utf8), ""))
        #expect(PublicationLabels.matcher.matches("Опубликовано 25 сентября"))
        #expect(PublicationLabels.matcher.matches("PUBLIZIERT AM"))
        #expect(!PublicationLabels.matcher.matches("The council met on Monday"))
    }
}
