import Foundation
import TestSupport

@testable import ArticlePipeline

/// What the pipeline's tests share beyond the `TestSupport` target: this target's fixture and gold
/// files, and raw articles and parsed documents made from a page.
enum PipelineTestSupport {
    /// This target's files (`Fixtures/`, `Gold/`).
    static let files = TestTargetFiles(target: "ArticlePipelineTests")

    /// The bytes of `Fixtures/NAME`.
    static func fixture(_ name: String) throws -> [UInt8] {
        try files.bytes("Fixtures/\(name)")
    }

    /// The cases of the JSON-lines fixture `Fixtures/NAME`, one a line.
    static func fixtureCases<Case: Decodable>(_ name: String, as type: Case.Type) throws -> [Case] {
        try files.jsonLines("Fixtures/\(name)", as: type)
    }

    static func raw(
        _ body: [UInt8], url: String? = "https://www.example.com/news/story", contentType: String? = nil,
        charset: String? = nil
    ) -> RawArticle {
        RawArticle(
            url: url, body: body, contentType: contentType, charset: charset,
            fetchedAt: "2025-03-14T10:00:00Z",
            source: SourceLocation(path: "test.warc", offset: 42))
    }

    static func raw(_ html: String, contentType: String? = "text/html") -> RawArticle {
        raw(Array(html.utf8), contentType: contentType)
    }

    /// Parses `html` with the v0 parser.
    static func parse(_ html: String, settings: PipelineSettings = .init()) -> HTMLDocument {
        var stage = ParseStage(settings: settings)
        return stage.parse(DecodedDocument(utf8: Array(html.utf8), format: .html, charset: "utf-8"))
    }

    /// The names of `node`'s element children.
    static func childNames(_ document: HTMLDocument, of node: Int) -> [String] {
        document.children(of: node).filter { document.nodes[$0].kind == .element }.map {
            document.name(of: $0)
        }
    }

    /// The seed article of `../shared/fixtures` through the pipeline, and the bytes of its gold
    /// file; nil when `../shared` is absent.
    static func seedArticle() throws -> (record: ArticleRecord, gold: Data)? {
        guard let shared = SharedFolder.url else { return nil }
        let fixtures = shared.appendingPathComponent("fixtures")
        let body = Array(try Data(contentsOf: fixtures.appendingPathComponent("seed-article.txt")))
        let gold = try Data(contentsOf: fixtures.appendingPathComponent("seed-article.gold.json"))
        let record = try Pipeline().process(raw(body, url: "https://www.example.org/politics/seed"))
        return (record, gold)
    }
}
