import Foundation
import TestSupport
import Testing

@testable import ArticlePipeline
@testable import ExtractionScoring

/// The WCXB quote/entity gold set (`Gold/wcxb-entities*.jsonl`, guide in `Gold/ANNOTATION.md`): a
/// measuring set only, so no floor is pinned here. The tests check that the selection is what the
/// guide says and that every annotation file is well formed; with `../shared` present they score the
/// enrichment on the pages' ground-truth text and print the figures (`presswork-eval
/// ../shared/corpus/wcxb-dev --quotes-gold …` also scores end to end on the HTML).
@Suite struct WCXBQuoteGoldTests {
    private static var goldDirectory: URL { PipelineTestSupport.files.url("Gold") }

    private static func selection() throws -> [String] {
        let url = goldDirectory.appendingPathComponent("wcxb-entities.selection.txt")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// The pages of an annotation file, or nil when the file does not exist (yet).
    private static func gold(_ name: String) throws -> [QuoteEntityGold]? {
        let url = goldDirectory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try JSONLines.decode(QuoteEntityGold.self, contentsOf: url)
    }

    /// A WCXB page's ground truth: the object of `ground-truth/<id>.json`.
    private static func truth(_ id: String, shared: URL) throws -> [String: Any] {
        let url = shared.appendingPathComponent("corpus/wcxb-dev/ground-truth/\(id).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    }

    @Test func selectionIsFortyArticlesFromFortyDomains() throws {
        let ids = try Self.selection()
        #expect(ids.count == 40)
        #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        guard let shared = SharedFolder.url else {
            print("skipping the selection's page checks: ../shared (beside the repository) is absent")
            return
        }
        var domains = Set<String>()
        for id in ids {
            let truth = try Self.truth(id, shared: shared)
            let labels = truth["_internal"] as? [String: Any]
            #expect((labels?["page_type"] as? [String: Any])?["primary"] as? String == "article", "\(id)")
            let host = URLComponents(string: truth["url"] as? String ?? "")?.host?.lowercased() ?? id
            domains.insert(host.hasPrefix("www.") ? String(host.dropFirst(4)) : host)
            let text = (truth["ground_truth"] as? [String: Any])?["main_content"] as? String ?? ""
            let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).count
            #expect((150...1500).contains(words), "\(id): \(words) words")
        }
        #expect(domains.count == ids.count)
    }

    @Test func annotationFilesAreWellFormed() throws {
        let ids = try Self.selection()
        for name in ["wcxb-entities.pass1.jsonl", "wcxb-entities.pass2.jsonl", "wcxb-entities.jsonl"] {
            guard let pages = try Self.gold(name) else {
                print("\(name) is absent")
                continue
            }
            #expect(pages.map(\.page).sorted() == ids, "\(name): one line per selected page")
            if name == "wcxb-entities.pass2.jsonl" { continue }  // the second pass is kept as written
            for page in pages {
                let entities = page.person + page.organization + page.location
                #expect(
                    Set(entities.map(GoldMatching.nameKey)).count == entities.count, "\(name) \(page.page)")
                let speakers = Set(page.person + page.organization)
                for quote in page.quotes {
                    #expect(!GoldMatching.collapse(quote.text).isEmpty)
                    if let speaker = quote.speaker {
                        #expect(speakers.contains(speaker), "\(name) \(page.page): speaker \(speaker)")
                    }
                }
            }
        }
    }

    @Test func enrichmentOnTheGroundTruthText() throws {
        guard let shared = SharedFolder.url else {
            print("skipping enrichmentOnTheGroundTruthText: ../shared (beside the repository) is absent")
            return
        }
        guard let gold = try Self.gold("wcxb-entities.jsonl") else {
            print("skipping enrichmentOnTheGroundTruthText: the reconciled set is not written yet")
            return
        }
        let enricher = TextEnricher()
        var score = QuoteEntityScore()
        for page in gold {
            let truth = try Self.truth(page.page, shared: shared)
            let text = try #require((truth["ground_truth"] as? [String: Any])?["main_content"] as? String)
            let paragraphs = text.split(separator: "\n").map { GoldMatching.collapse(String($0)) }.filter {
                !$0.isEmpty
            }
            let enrichment = enricher.enrich(paragraphs: paragraphs)
            score.add(quotes: enrichment.quotes, entities: enrichment.entities, gold: page)
        }
        #expect(score.pages == 40)
        #expect(score.quotes.gold > 0 && score.people.gold > 0)
        // Reported, not pinned: this set measures the recogniser and is never tuned on.
        func pr(_ counts: MatchCounts) -> String {
            String(format: "P %.3f R %.3f", counts.precision, counts.recall)
        }
        print(
            "WCXB quote/entity gold on the ground-truth text: quotes \(pr(score.quotes)), speakers "
                + String(format: "%.3f", score.speakerAccuracy) + "; "
                + score.entityTypes.map { "\($0.name) \(pr($0.counts))" }.joined(separator: "; "))
    }
}
