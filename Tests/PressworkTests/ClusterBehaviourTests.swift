import Foundation
import TestSupport
import Testing

/// What operators see of a run: per-article failures, status, protocol errors and draining.
@Suite(.serialized) struct ClusterBehaviourTests {
    @Test func articleThatMakesThePipelineFailGoesToDeadLetterAndTheRestOfItsJobIsCommitted() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let page = try String(
                contentsOf: PressworkBinary.repositoryRoot.appendingPathComponent(
                    "tools/sample-pages/harbour-storm.html"),
                encoding: .utf8)
            var lines: [String] = []
            for n in 0..<40 {
                let body = n == 17 ? String(repeating: "\u{0}\u{1}\u{2}\u{3}", count: 500) : page
                let object: [String: Any] = ["url": "https://example.org/story/\(n)", "html": body]
                lines.append(
                    String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            let input = dir.path("mixed.jsonl")
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([input.path])
            try cluster.startCollector()
            try cluster.startWorker()
            #expect(cluster.wait(coordinator) == 2, "finished with failures: \(cluster.allLogs)")
            let output = OutputDirectory(url: cluster.output)
            let records = try output.records
            let failures = try output.deadLetters
            #expect(records.count == 39)
            #expect(failures.count == 1)
            #expect(failures.first?["url"] as? String == "https://example.org/story/17")
            #expect(failures.first?["stage"] as? String == "decode")
            #expect((failures.first?["reason"] as? String)?.isEmpty == false)
        }
    }

    @Test func statusShowsARisingCountDuringTheRunAndTheTotalsAfterIt() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let file = dir.path("scrape.jsonl.gz")
            try Scrapes.generate(count: 3_000, format: "jsonl.gz", to: file, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [file.path], extra: ["--batch", "16", "--keep-running"])
            try cluster.startCollector()
            try cluster.startWorker(threads: 2)
            var samples: [(committed: Int, rate: Double)] = []
            let deadline = Date().addingTimeInterval(90)
            while Date() < deadline,
                samples.count < 3 || samples.last!.committed == samples.first!.committed
            {
                if let status = cluster.status(), status["state"] as? String == "running",
                    let committed = status["articles_committed"] as? Int, committed > 0,
                    let rate = status["recent_articles_per_second"] as? Double
                {
                    samples.append((committed, rate))
                }
                Thread.sleep(forTimeInterval: 0.3)
            }
            #expect(samples.count >= 2)
            let (first, last) = (try #require(samples.first), try #require(samples.last))
            #expect(last.committed > first.committed, "the committed count rises")
            #expect(samples.contains { $0.rate > 0 }, "a non-zero rate")
            #expect(cluster.waitUntil(timeout: 120) { cluster.status()?["state"] as? String == "finished" })
            let final = try #require(cluster.status())
            let output = OutputDirectory(url: cluster.output)
            let records = try output.records.count
            let collector = final["collector"] as? [String: Any]
            #expect(final["articles_committed"] as? Int == 3_000)
            #expect(collector?["records"] as? Int == records)
            #expect(records == 3_000)
            kill(coordinator.processIdentifier, SIGTERM)
            #expect(cluster.wait(coordinator, timeout: 20) == 0)
        }
    }

    @Test func workerDrainsOnSigtermAndExitsZero() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let file = dir.path("scrape.jsonl.gz")
            let urls = dir.path("urls.txt")
            try Scrapes.generate(count: 2_000, format: "jsonl.gz", to: file, urls: urls)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([file.path], extra: ["--batch", "16"])
            try cluster.startCollector()
            let drained = try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 200) })
            kill(drained.processIdentifier, SIGTERM)
            #expect(cluster.wait(drained, timeout: 30) == 0, "a drained worker exits 0")
            #expect(cluster.log(drained).contains("draining"))
            try cluster.startWorker()
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            let got = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            let expected = try Scrapes.urls(listedIn: urls)
            #expect(got.count == expected.count)
            #expect(Set(got) == Set(expected))
            let requeued = cluster.journalEntries.filter { $0["t"] as? String == "requeued" }
            #expect(requeued.isEmpty, "a drain gives nothing back: \(requeued)")
        }
    }
}

/// A collector that restarts after the run has finished (a supervisor restarting it) seals the
/// output again: the coordinator, still running, sends it the finish.
@Suite(.serialized) struct FinishedRunTests {
    @Test func collectorRestartedAfterTheEndWritesSuccessAgain() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let file = dir.path("scrape.jsonl.gz")
            try Scrapes.generate(count: 300, format: "jsonl.gz", to: file, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([file.path], extra: ["--keep-running"])
            let first = try cluster.startCollector()
            try cluster.startWorker()
            #expect(
                cluster.wait(first, timeout: 60) == 0, "the collector ends with the run: \(cluster.allLogs)")
            let output = OutputDirectory(url: cluster.output)
            #expect(output.files.contains("_SUCCESS"))
            let second = try cluster.startCollector()
            #expect(cluster.wait(second, timeout: 30) == 0, "the new collector is told the run is over")
            #expect(output.files.contains("_SUCCESS"), "the output is sealed again")
            #expect(try output.records.count == 300)
            kill(coordinator.processIdentifier, SIGTERM)
            #expect(cluster.wait(coordinator, timeout: 20) == 0)
        }
    }
}

/// Limits and give-ups land in the dead-letter shard with their reason; the output stays exact.
@Suite(.serialized) struct DeadLetterPathTests {
    @Test func oversizedArticlesGoToDeadLetterUnprocessed() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            var lines: [String] = []
            for n in 0..<20 {
                let body =
                    "<html><body><p>" + String(repeating: "word ", count: n == 5 ? 5_000 : 50)
                    + "</p></body></html>"
                let object: [String: Any] = ["url": "https://example.org/size/\(n)", "html": body]
                lines.append(
                    String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
            let input = dir.path("sizes.jsonl")
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [input.path], extra: ["--max-article-bytes", "10000"])
            try cluster.startCollector()
            try cluster.startWorker()
            #expect(cluster.wait(coordinator) == 2, "\(cluster.allLogs)")
            let output = OutputDirectory(url: cluster.output)
            #expect(try output.records.count == 19)
            let dead = try output.deadLetters
            #expect(dead.count == 1)
            #expect(dead.first?["stage"] as? String == "limits")
            #expect((dead.first?["reason"] as? String)?.contains("10000-byte limit") == true)
        }
    }

    @Test func jobsThatFailEveryAttemptGoToDeadLetterWithReasonAndAttempts() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let file = dir.path("scrape.jsonl.gz")
            let list = dir.path("urls.txt")
            try Scrapes.generate(count: 1_000, format: "jsonl.gz", to: file, urls: list)
            let expected = Set(try Scrapes.urls(listedIn: list))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [file.path], extra: ["--batch", "16", "--max-attempts", "1"])
            try cluster.startCollector()
            let doomed = try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 50) })
            kill(doomed.processIdentifier, SIGSTOP)  // dies (to the cluster) holding jobs: one attempt only
            #expect(
                cluster.waitUntil { cluster.journalEntries.contains { $0["t"] as? String == "given_up" } })
            try cluster.startWorker()
            kill(doomed.processIdentifier, SIGCONT)  // its late results are for jobs already closed
            #expect(cluster.wait(coordinator) == 2, "finished with failures: \(cluster.allLogs)")
            let output = OutputDirectory(url: cluster.output)
            let records = try output.records.compactMap { $0["url"] as? String }
            let dead = try output.deadLetters
            let deadURLs = dead.compactMap { $0["url"] as? String }
            #expect(!dead.isEmpty)
            #expect(records.count + deadURLs.count == expected.count, "every article exactly once")
            #expect(Set(records).union(deadURLs) == expected)
            #expect(Set(records).isDisjoint(with: deadURLs))
            for row in dead {
                #expect(row["stage"] as? String == "worker")
                #expect(row["attempts"] as? Int == 1)
                #expect((row["reason"] as? String)?.contains("stopped responding") == true)
            }
        }
    }
}
