import ExtractionScoring
import Foundation
import Testing

/// `MarkupRestyle` rewrites a page's markup and keeps its text: the gold of a development page must
/// still hold for its restyled copy, or a restyled corpus measures nothing.
@Suite struct MarkupRestyleTests {
    static let page: [UInt8] = (try? PipelineTestSupport.fixture("restyle/page.html")) ?? []

    static func restyled(_ style: MarkupRestyle) -> String {
        String(decoding: style.apply(to: page), as: UTF8.self)
    }

    /// What follows `</head>` in `style`.
    static func body(_ style: MarkupRestyle) -> Substring {
        let html = restyled(style)
        return html[(html.range(of: "</head>")?.upperBound ?? html.startIndex)...]
    }

    /// The words of `html` outside tags, scripts, styles and comments.
    static func words(_ html: String) -> [Substring] {
        var text = html
        for pattern in [
            #"<script[\s\S]*?</script>"#, #"<style[\s\S]*?</style>"#, #"<!--[\s\S]*?-->"#,
            #"<(?:[^>"']|"[^"]*"|'[^']*')*>"#,
        ] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        return text.split(whereSeparator: { $0.isWhitespace })
    }

    @Test(arguments: MarkupRestyle.allCases.filter { $0 != .old })
    func everyStyleKeepsTheWords(_ style: MarkupRestyle) throws {
        try #require(!Self.page.isEmpty, "the fixture page is missing")
        #expect(Self.words(Self.restyled(style)) == Self.words(String(decoding: Self.page, as: UTF8.self)))
    }

    @Test func oldAddsOnlyItsMenuColumn() {
        let words = Self.words(Self.restyled(.old))
        let original = Self.words(String(decoding: Self.page, as: UTF8.self))
        #expect(Array(words.drop { $0 != "Home" }.dropFirst(4)) == Array(original.drop { $0 != "Home" }))
    }

    @Test func paragraphsBecomeBreaksFontRunsDivsOrListItems() {
        let breaks = Self.body(.breaks)
        #expect(!breaks.contains("<p>") && !breaks.contains("<p class"))
        #expect(breaks.contains("repairs.<br><br>"))
        #expect(Self.restyled(.font).contains(#"<font face="Verdana" size="2">Fishing boats"#))
        #expect(Self.restyled(.divs).contains(#"<div class='lead' data-x="a > b">The harbour"#))
        #expect(Self.restyled(.listItems).contains("<li>Fishing boats"))
    }

    @Test func scriptsStylesAndCommentsAreCopiedUntouched() {
        for style in MarkupRestyle.allCases {
            let html = Self.restyled(style)
            #expect(html.contains(#"var s = "<p class='x'>not a tag</p>";"#), "\(style)")
            #expect(html.contains("p > a { color: red } /* <p> */"), "\(style)")
            #expect(html.contains("<!-- <section> a comment -->"), "\(style)")
        }
    }

    @Test func html4HasNoSectioningElementsNorSemanticAttributes() {
        let html = Self.body(.html4)
        for gone in [
            "<main", "<article", "<header", "<nav", "<footer", "<figure", "role=", "itemprop", "itemscope",
            "aria-",
        ] {
            #expect(!html.contains(gone), "\(gone) is still there")
        }
        #expect(html.contains(#"<div class="story" >"#) || html.contains(#"<div class="story">"#))
        #expect(html.contains("<div class=foot>"))
    }

    @Test func noClassNamesDropsClassesAndIdsOnly() {
        let html = Self.body(.noClassNames)
        #expect(!html.contains("class=") && !html.contains("id=\"menu\""))
        #expect(html.contains(#"<header role="banner">"#))
        #expect(html.contains(#"<p data-x="a > b">"#))
    }

    @Test func denseLinksLinkEveryOtherPhraseInParagraphsOnly() {
        let html = Self.restyled(.denseLinks)
        #expect(html.contains(#"<h1 itemprop="headline">The harbour reopens</h1>"#), "headings untouched")
        let lead = html.range(of: #"data-x="a > b">"#).map { html[$0.upperBound...].prefix(120) } ?? ""
        #expect(lead.contains("</a>"), "the first paragraph has links")
        let links = html.components(separatedBy: "<a href=\"/w/").count - 1
        #expect(links >= 6, "\(links) links in two paragraphs of 22 words")
    }
}
