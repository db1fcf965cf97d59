import Foundation
import Testing

@testable import ArticlePipeline

/// The recogniser's principles, each on a few sentences written for it (`Fixtures/entity-cases.jsonl`:
/// a text, and for some names the type they must have, or `none` when no entity may bear that name).
@Suite struct EntityCaseTests {
    private struct Case: Decodable {
        var `case`: String
        var text: [String]
        var expected: [String: String]
    }

    private static func cases() throws -> [Case] {
        try PipelineTestSupport.fixtureCases("entity-cases.jsonl", as: Case.self)
    }

    @Test func namesHaveTheTypeTheirContextGives() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 15)
        for item in cases {
            var article = ExtractedArticle()
            article.paragraphs = item.text
            article.language = "en"
            let entities = EnrichStage().enrich(article).entities
            for (name, type) in item.expected.sorted(by: { $0.key < $1.key }) {
                let found = entities.first { $0.name == name }
                if type == "none" {
                    #expect(found == nil, "\(item.case): \(name) is \(found?.type ?? "")")
                } else {
                    #expect(found?.type == type, "\(item.case): \(name) is \(found?.type ?? "missing")")
                }
            }
        }
    }
}
