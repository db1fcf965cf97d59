import Foundation

@testable import ArticlePipeline

/// Paths and builders shared by the tests.
enum TestSupport {
    /// This test target's folder.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `<repo root>/../shared`, or nil when it is absent (tests that need it then skip).
    static var sharedDirectory: URL? {
        let repoRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
        let shared = repoRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: shared.path) ? shared : nil
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        let url = testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
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
}
