import Foundation
import TestSupport
import Testing

@testable import ArticlePipeline

/// The project's own sample pages (`tools/sample-pages`, English, German, Spanish and French HTML
/// and two text scrapes) against their gold (`gold.jsonl`): every metadata field of every page.
@Suite struct SamplePagesGoldTests {
    private struct Gold: Decodable {
        var file: String
        var title: String
        var authors: [String]?
        var published: String?
        var language: String
        var section: String?
    }

    @Test func everySamplePageMatchesItsGold() throws {
        let folder = BuiltProducts.repositoryRoot.appendingPathComponent("tools/sample-pages")
        let pages = try JSONLines.decode(Gold.self, contentsOf: folder.appendingPathComponent("gold.jsonl"))
        #expect(pages.count >= 10)
        let pipeline = Pipeline()
        for page in pages {
            let body = Array(try Data(contentsOf: folder.appendingPathComponent(page.file)))
            let record = try pipeline.process(
                RawArticle(url: nil, body: body, source: SourceLocation(path: page.file)))
            #expect(record.title == page.title, "\(page.file)")
            #expect(record.authors == (page.authors ?? []), "\(page.file)")
            #expect(record.published.map { String($0.prefix(10)) } == page.published, "\(page.file)")
            #expect(record.language == page.language, "\(page.file)")
            #expect(record.section == page.section, "\(page.file)")
        }
    }
}
