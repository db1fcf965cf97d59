import Foundation
import TestExecutors
import TestSupport
import Testing

@testable import ArticlePipeline

@Suite struct CorpusSmokeTests {
    /// Every page of the article-extraction benchmark becomes a record; nearly all have text.
    @Test func everyBenchmarkPageYieldsARecord() async throws {
        try await DedicatedThreads.run {
            guard let shared = SharedFolder.url else {
                print("skipping everyBenchmarkPageYieldsARecord: ../shared (beside the repository) is absent")
                return
            }
            let folder = shared.appendingPathComponent("corpus/aeb/html")
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
                print("skipping everyBenchmarkPageYieldsARecord: \(folder.path) is absent")
                return
            }
            let pages = names.filter { $0.hasSuffix(".html") }.sorted()
            #expect(pages.count == 181)
            let pipeline = Pipeline()
            var withText = 0
            for name in pages {
                let body = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
                let raw = RawArticle(url: nil, body: body, source: SourceLocation(path: name))
                do {
                    let record = try pipeline.process(raw)
                    if !record.text.isEmpty { withText += 1 }
                    _ = try JSONSerialization.jsonObject(with: Data(RecordJSON.encode(record)))
                } catch {
                    Issue.record("\(name): \(error)")
                }
            }
            #expect(withText >= 170, "only \(withText) of \(pages.count) pages have text")
        }
    }
}
