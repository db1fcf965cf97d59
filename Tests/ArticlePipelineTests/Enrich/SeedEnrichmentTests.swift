import Foundation
import Testing

@testable import ArticlePipeline

/// The enrichment fields of `../shared/fixtures/seed-article.gold.json`, each asserted.
@Suite struct SeedEnrichmentTests {
    private struct Gold: Decodable {
        struct Quote: Decodable {
            var text: String
            var speakerAny: [String]
            enum CodingKeys: String, CodingKey {
                case text
                case speakerAny = "speaker_any"
            }
        }
        struct Required: Decodable {
            var required: [String]
        }
        var language: String
        var quotes: [Quote]
        var entities: [String: Required]
        var aliases: [String: String]
        var temporal: Required
    }

    private static func load() throws -> (ArticleRecord, Gold)? {
        guard let (record, goldData) = try PipelineTestSupport.seedArticle() else { return nil }
        return (record, try JSONDecoder().decode(Gold.self, from: goldData))
    }

    @Test func languageIsDetectedFromTheText() throws {
        guard let (record, gold) = try Self.load() else {
            print("skipping languageIsDetectedFromTheText: ../shared (beside the repository) is absent")
            return
        }
        #expect(record.language == gold.language)
    }

    @Test func everyGoldQuoteIsFoundWithAnAcceptableSpeaker() throws {
        guard let (record, gold) = try Self.load() else {
            print("skipping everyGoldQuoteIsFoundWithAnAcceptableSpeaker: ../shared is absent")
            return
        }
        for quote in gold.quotes {
            let found = try #require(
                record.quotes.first { $0.text == quote.text }, "missing quote \(quote.text)")
            #expect(
                found.speaker.map(quote.speakerAny.contains) == true,
                "\(quote.text): \(found.speaker ?? "nil")")
            let scalars = Array(record.text.unicodeScalars)
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: scalars[found.start..<found.end])
            #expect(String(slice) == quote.text, "offsets of \(quote.text)")
        }
        #expect(record.quotes.count == gold.quotes.count)
    }

    @Test func requiredEntitiesHaveTheirTypeAndCanonicalName() throws {
        guard let (record, gold) = try Self.load() else {
            print("skipping requiredEntitiesHaveTheirTypeAndCanonicalName: ../shared is absent")
            return
        }
        for (type, names) in gold.entities {
            for name in names.required {
                #expect(record.entities.contains { $0.name == name && $0.type == type }, "\(type) \(name)")
            }
        }
        for (alias, canonical) in gold.aliases {
            let entity = record.entities.first { $0.name == canonical }
            #expect(entity?.aliases.contains(alias) == true, "\(alias) → \(canonical)")
        }
        let putin = try #require(record.entities.first { $0.name == "Vladimir Putin" })
        #expect(putin.mentions == 6)  // every mention in the body, titled or not
        let people = record.entities.filter { $0.type == "person" }.map(\.name)
        #expect(Set(people) == Set(gold.entities["person"]?.required ?? []), "people: \(people)")
    }

    @Test func requiredTemporalExpressionsAreFound() throws {
        guard let (record, gold) = try Self.load() else {
            print("skipping requiredTemporalExpressionsAreFound: ../shared is absent")
            return
        }
        for text in gold.temporal.required {
            #expect(record.temporal.contains { $0.text == text }, "missing \(text)")
        }
        #expect(record.temporal.first { $0.text == "30-day" }?.value == "P30D")
        #expect(record.temporal.first { $0.text == "Thursday" }?.kind == "weekday")
        #expect(record.temporal.first { $0.text == "last summer" }?.kind == "relative")
        #expect(record.warnings.isEmpty, "warnings: \(record.warnings)")
    }
}
