import Foundation
import Testing

@testable import ArticlePipeline

/// Scores the pipeline on the project's hand-made gold sets of benchmark pages (gold values only,
/// in `Tests/ArticlePipelineTests/Gold`; the pages are in `../shared/corpus/aeb/html`) and pins
/// floors at the measured figures, so quality can only rise.
@Suite struct GoldSetEvaluationTests {
    private struct FieldGold: Decodable {
        var page: String
        var title: String
        var published: String?
        var authors: [String]
        var language: String
    }

    private struct QuoteGold: Decodable {
        struct Quote: Decodable {
            var text: String
            var speaker: String?
        }
        var page: String
        var quotes: [Quote]
        var person: [String]
        var organization: [String]
        var location: [String]
    }

    /// Floors: the figures measured when the gold sets were made (fractions of pages or P/R).
    private enum Floor {
        // Fields, end to end on the HTML (issue 5 targets: title 0.95, date 0.90, language 0.98,
        // authors 0.85; metadata extraction is not there yet).
        static let title = 1.0
        static let published = 0.843
        static let language = 1.0
        static let authors = 0.906
        // Enrichment on the benchmark's article text (targets: quotes P 0.9 / R 0.8, speakers 0.8,
        // people P 0.85 / R 0.8).
        static let quotePrecision = 1.0
        static let quoteRecall = 1.0
        static let speakerAccuracy = 0.967
        static let personPrecision = 1.0
        static let personRecall = 0.909
        static let organizationRecall = 0.5
        static let locationRecall = 0.833
    }

    private static var goldDirectory: URL { TestSupport.testsDirectory.appendingPathComponent("Gold") }

    private static func lines<T: Decodable>(_ name: String, as type: T.Type) throws -> [T] {
        let text = try String(contentsOf: goldDirectory.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }

    /// The record of a benchmark page, with the URL the benchmark gives for it.
    private static func record(_ page: String, corpus: URL, pipeline: Pipeline) throws -> ArticleRecord {
        let body = Array(
            try Data(contentsOf: corpus.appendingPathComponent("html").appendingPathComponent(page)))
        let goldURL = corpus.appendingPathComponent("gold").appendingPathComponent(
            page.replacingOccurrences(of: ".html", with: ".json"))
        let meta = (try? JSONSerialization.jsonObject(with: Data(contentsOf: goldURL))) as? [String: Any]
        return try pipeline.process(
            RawArticle(url: meta?["url"] as? String, body: body, source: SourceLocation(path: page)))
    }

    @Test func fieldGoldSet() throws {
        guard let shared = TestSupport.sharedDirectory else {
            print("skipping fieldGoldSet: ../shared (beside the repository) is absent")
            return
        }
        let corpus = shared.appendingPathComponent("corpus/aeb")
        let gold = try Self.lines("fields.jsonl", as: FieldGold.self)
        #expect(gold.count >= 25)
        #expect(Set(gold.map(\.language)).subtracting(["en"]).count >= 5)
        let pipeline = Pipeline()
        var title = 0
        var published = 0
        var language = 0
        var authors = 0
        for page in gold {
            let record = try Self.record(page.page, corpus: corpus, pipeline: pipeline)
            let titleRight = record.title.map(GoldScoring.collapse) == GoldScoring.collapse(page.title)
            let dateRight = record.published.map { String($0.prefix(10)) } == page.published
            let authorsRight =
                Set(record.authors.map { GoldScoring.collapse($0).lowercased() })
                == Set(page.authors.map { GoldScoring.collapse($0).lowercased() })
            title += titleRight ? 1 : 0
            published += dateRight ? 1 : 0
            language += record.language == page.language ? 1 : 0
            authors += authorsRight ? 1 : 0
            if !titleRight { print("title \(page.page.prefix(8)): \(record.title ?? "nil") ≠ \(page.title)") }
            if !dateRight {
                print(
                    "published \(page.page.prefix(8)): \(record.published ?? "nil") ≠ \(page.published ?? "nil")"
                )
            }
            if record.language != page.language {
                print("language \(page.page.prefix(8)): \(record.language ?? "nil") ≠ \(page.language)")
            }
            if !authorsRight { print("authors \(page.page.prefix(8)): \(record.authors) ≠ \(page.authors)") }
        }
        let n = Double(gold.count)
        print(
            String(
                format: "field gold (%d pages): title %.3f  published %.3f  language %.3f  authors %.3f",
                gold.count, Double(title) / n, Double(published) / n, Double(language) / n,
                Double(authors) / n))
        #expect(Double(title) / n >= Floor.title)
        #expect(Double(published) / n >= Floor.published)
        #expect(Double(language) / n >= Floor.language)
        #expect(Double(authors) / n >= Floor.authors)
    }

    @Test func quoteAndEntityGoldSet() throws {
        guard let shared = TestSupport.sharedDirectory else {
            print("skipping quoteAndEntityGoldSet: ../shared (beside the repository) is absent")
            return
        }
        let corpus = shared.appendingPathComponent("corpus/aeb")
        let gold = try Self.lines("quotes-entities.jsonl", as: QuoteGold.self)
        #expect(gold.count >= 10)
        let pipeline = Pipeline()
        // On the benchmark's own article text (enrichment alone), and end to end on the HTML.
        var onText = Scores()
        var endToEnd = Scores()
        for page in gold {
            let goldURL = corpus.appendingPathComponent("gold").appendingPathComponent(
                page.page.replacingOccurrences(of: ".html", with: ".json"))
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: goldURL)) as? [String: Any]
            let body = try #require(meta?["articleBody"] as? String)
            var article = ExtractedArticle()
            article.paragraphs = body.split(separator: "\n").map { GoldScoring.collapse(String($0)) }.filter {
                !$0.isEmpty
            }
            let enrichment = EnrichStage().enrich(article)
            onText.add(quotes: enrichment.quotes, entities: enrichment.entities, gold: page)
            let record = try Self.record(page.page, corpus: corpus, pipeline: pipeline)
            endToEnd.add(quotes: record.quotes, entities: record.entities, gold: page)
        }
        print("quotes/entities on benchmark text:\n\(onText)\nend to end on HTML:\n\(endToEnd)")
        #expect(onText.quotes.precision >= Floor.quotePrecision)
        #expect(onText.quotes.recall >= Floor.quoteRecall)
        #expect(onText.speakerAccuracy >= Floor.speakerAccuracy)
        #expect(onText.people.precision >= Floor.personPrecision)
        #expect(onText.people.recall >= Floor.personRecall)
        #expect(onText.organizations.recall >= Floor.organizationRecall)
        #expect(onText.locations.recall >= Floor.locationRecall)
    }

    private struct Scores: CustomStringConvertible {
        var quotes = GoldScoring.Counts()
        var speakersRight = 0
        var people = GoldScoring.Counts()
        var organizations = GoldScoring.Counts()
        var locations = GoldScoring.Counts()
        var speakerAccuracy: Double {
            quotes.matched == 0 ? 1 : Double(speakersRight) / Double(quotes.matched)
        }

        mutating func add(
            quotes found: [ArticleRecord.Quote], entities: [ArticleRecord.Entity], gold: QuoteGold
        ) {
            let pairs = GoldScoring.match(found, gold.quotes) { GoldScoring.sameQuote($0.text, $1.text) }
            quotes.matched += pairs.count
            quotes.predicted += found.count
            quotes.gold += gold.quotes.count
            for (p, g) in pairs {
                let predicted = found[p].speaker
                let expected = gold.quotes[g].speaker
                var right = predicted == nil && expected == nil
                if let predicted, let expected { right = GoldScoring.sameName(predicted, expected) }
                speakersRight += right ? 1 : 0
                if !right {
                    print(
                        "speaker \(gold.page.prefix(8)): \(predicted ?? "nil") ≠ \(expected ?? "nil") «\(found[p].text.prefix(40))»"
                    )
                }
            }
            let matchedFound = Set(pairs.map(\.0))
            for (index, quote) in found.enumerated() where !matchedFound.contains(index) {
                print("extra quote \(gold.page.prefix(8)): «\(quote.text.prefix(50))»")
            }
            let matchedGold = Set(pairs.map(\.1))
            for (index, quote) in gold.quotes.enumerated() where !matchedGold.contains(index) {
                print("missed quote \(gold.page.prefix(8)): «\(quote.text.prefix(50))»")
            }
            add(&people, "person", entities, gold.person, gold.page)
            add(&organizations, "organization", entities, gold.organization, gold.page)
            add(&locations, "location", entities, gold.location, gold.page)
        }

        private func add(
            _ counts: inout GoldScoring.Counts, _ type: String, _ entities: [ArticleRecord.Entity],
            _ gold: [String],
            _ page: String
        ) {
            let names = entities.filter { $0.type == type }.map(\.name)
            let pairs = GoldScoring.match(names, gold) { (found: String, expected: String) -> Bool in
                if type == "person" { return GoldScoring.sameName(found, expected) }
                return GoldScoring.collapse(found).lowercased() == GoldScoring.collapse(expected).lowercased()
            }
            counts.matched += pairs.count
            counts.predicted += names.count
            counts.gold += gold.count
            if type == "person" {
                let matched = Set(pairs.map(\.0))
                let extra = names.indices.filter { !matched.contains($0) }.map { names[$0] }
                let missed = Set(pairs.map(\.1))
                let lost = gold.indices.filter { !missed.contains($0) }.map { gold[$0] }
                if !extra.isEmpty || !lost.isEmpty {
                    print("people \(page.prefix(8)): extra \(extra) missed \(lost)")
                }
            }
        }

        var description: String {
            String(format: "  quotes %@; speaker accuracy %.3f\n", quotes.description, speakerAccuracy)
                + "  person \(people)\n  organization \(organizations)\n  location \(locations)"
        }
    }
}
