import Testing

@testable import ArticlePipeline

/// The hand-written rules' vote (one feature of the learned classifier) from declarations
/// (schema.org, og:type), the address and code blocks.
@Suite struct PageTypeRulesTests {
    private func type(_ head: String, body: String = "<p>Text</p>", url: String?) -> PageType {
        let document = PipelineTestSupport.parse("<html><head>\(head)</head><body>\(body)</body></html>")
        return PageTypeRules(signals: PageSignals(document: document, url: url)).pageType()
    }

    @Test func schemaTypesWinOverTheAddress() {
        let thread = #"<script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>"#
        #expect(type(thread, url: "https://example.org/2024/05/a-long-story-slug-here") == .forum)
        let question =
            #"<script type="application/ld+json">{"@graph": [{"@type": ["WebPage", "QAPage"]}]}</script>"#
        #expect(type(question, url: "https://example.org/page") == .forum)
        let product =
            #"<script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer"}}</script>"#
        #expect(type(product, url: "https://shop.example.org/red-kettle") == .product)
        let microdata = #"<meta property="og:type" content="website">"#
        #expect(
            type(microdata, body: #"<div itemtype="https://schema.org/NewsArticle"><p>x</p></div>"#, url: nil)
                == .article)
    }

    @Test func openGraphTypes() {
        #expect(type(#"<meta property="og:type" content=" Product ">"#, url: nil) == .product)
        #expect(type(#"<meta property="og:type" content="product.group">"#, url: nil) == .collection)
        #expect(
            type(#"<meta property="og:type" content="article">"#, url: "https://example.org/") == .article)
    }

    @Test func addressShapes() {
        #expect(type("", url: "https://forum.example.org/some-thread") == .forum)
        #expect(type("", url: "https://example.org/t/why-is-it-slow/1234") == .forum)
        #expect(type("", url: "https://example.org/products/kettle-2l") == .product)
        #expect(type("", url: "https://example.org/products") == .service)
        #expect(type("", url: "https://example.org/collections/kettles") == .collection)
        #expect(type("", url: "https://docs.example.org/start") == .documentation)
        #expect(type("", url: "https://example.org/search?q=kettle") == .listing)
        #expect(type("", url: "https://www.example.org/") == .service)
        #expect(type("", url: "https://example.org/2023/city-council-votes") == .article)
        #expect(type("", url: "https://example.org/news/city-council-votes-on-budget") == .article)
        #expect(type("", url: "https://example.org/about") == .service)
        #expect(type("", url: nil) == .article)
    }

    @Test func manyCodeBlocksMakeAnUndeclaredPageDocumentation() {
        let code = String(repeating: "<pre><code>let x = 1</code></pre>", count: 6)
        #expect(type("", body: code, url: "https://example.org/setup") == .documentation)
        #expect(type("", body: "<pre>one</pre>", url: "https://example.org/setup") == .service)
    }
}
