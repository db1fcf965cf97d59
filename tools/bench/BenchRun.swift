import ArticlePipeline
import Foundation

/// Runs one stage over all pages, round after round, on the calling thread.
struct BenchRun {
    let pages: [RawArticle]
    let stage: String

    struct Result {
        var rounds: Int
        var pagesPerSecond: Double
        var megabytesPerSecond: Double
    }

    func measure(minimumSeconds: Double) -> Result {
        let pipeline = Pipeline()
        let extractor = MainTextPipeline()
        let bytes = pages.reduce(0) { $0 + $1.body.count }
        var sink = 0
        round(pipeline, extractor, &sink)  // warm-up: caches, lazily built tables
        let clock = ContinuousClock()
        let start = clock.now
        var rounds = 0
        var elapsed = 0.0
        repeat {
            round(pipeline, extractor, &sink)
            rounds += 1
            let duration = clock.now - start
            elapsed = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        } while elapsed < minimumSeconds
        if sink == 42 { print("") }  // keeps the work observable
        return Result(
            rounds: rounds, pagesPerSecond: Double(rounds * pages.count) / elapsed,
            megabytesPerSecond: Double(rounds * bytes) / elapsed / 1e6)
    }

    private func round(_ pipeline: Pipeline, _ extractor: MainTextPipeline, _ sink: inout Int) {
        for page in pages {
            if stage == "extract" {
                sink &+= (try? extractor.paragraphs(of: page))?.count ?? 0
            } else if stage == "parse" {
                sink &+= ParseTreeText.text(ofHTML: page.body).utf8.count
            } else if stage == "line" {
                do {
                    sink &+= RecordJSON.encode(try pipeline.process(page)).count
                } catch {
                    let dead = DeadLetter(
                        id: page.id, source: page.source.description, stage: error.stage,
                        reason: error.reason,
                        attempts: 1, url: page.url)
                    sink &+= RecordJSON.encode(dead).count
                }
            } else if let record = try? pipeline.process(page) {
                sink &+= record.text.utf8.count
            }
        }
    }
}
