import Foundation
import TestSupport
import Testing

/// The cluster as operators run it: coordinator, collector and workers as separate processes on
/// tcp loopback, with faults injected by signals. Each test checks the exact output: the set of
/// output URLs equals the set of input URLs, nothing lost and nothing twice.
@Suite(.serialized) struct ClusterProcessTests {
    /// A generated scrape and the URLs it must produce.
    struct Scrape {
        let file: URL
        let urls: Set<String>
    }

    func scrape(_ dir: TemporaryDirectory, count: Int, format: String = "jsonl.gz") throws -> Scrape {
        let file = dir.path("scrape.\(format)")
        let list = dir.path("urls.txt")
        try Scrapes.generate(count: count, format: format, to: file, urls: list)
        let urls = Set(try Scrapes.urls(listedIn: list))
        return Scrape(file: file, urls: urls)
    }

    func expectExactOutput(
        _ cluster: LocalCluster, _ scrape: Scrape, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let output = OutputDirectory(url: cluster.output)
        let urls = try output.records.compactMap { $0["url"] as? String }
        #expect(urls.count == scrape.urls.count, "nothing twice", sourceLocation: sourceLocation)
        #expect(Set(urls) == scrape.urls, "nothing lost", sourceLocation: sourceLocation)
        #expect(output.files.contains("_SUCCESS"), sourceLocation: sourceLocation)
    }

    @Test func threeWorkersProduceExactlyTheInput() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 5_000)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([input.file.path])
            try cluster.startCollector()
            for _ in 0..<3 { try cluster.startWorker() }
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            for worker in cluster.workers { #expect(cluster.wait(worker, timeout: 20) == 0) }
            #expect(cluster.wait(cluster.collector!, timeout: 20) == 0)
            try expectExactOutput(cluster, input)
        }
    }

    @Test func killedWorkerJobsAreRequeuedAndNothingIsLost() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 3_000)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([input.file.path], extra: ["--batch", "32"])
            try cluster.startCollector()
            let victim = try cluster.startWorker()
            try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 300) })
            let killedAt = Date()
            kill(victim.processIdentifier, SIGKILL)
            #expect(
                cluster.waitUntil { cluster.journalEntries.contains { $0["t"] as? String == "requeued" } })
            let recovery = Date().timeIntervalSince(killedAt)
            print("worker SIGKILL → jobs re-queued in \(String(format: "%.2f", recovery)) s")
            #expect(recovery < 5, "a dead worker is noticed within a few heartbeats")
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            try expectExactOutput(cluster, input)
            let requeued = cluster.journalEntries.filter { $0["t"] as? String == "requeued" }
            #expect(requeued.contains { ($0["reason"] as? String)?.contains("stopped responding") == true })
        }
    }

    @Test func restartedCollectorLosesNothingAndWritesNothingTwice() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 3_000)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [input.file.path], extra: ["--batch", "32", "--lease", "10"])
            let first = try cluster.startCollector()
            try cluster.startWorker()
            try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 300) })
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            try cluster.startCollector()
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            try expectExactOutput(cluster, input)
        }
    }

    @Test(arguments: [SIGTERM, SIGKILL])
    func stoppedCoordinatorResumesWithoutRedoingCommittedWork(signal: Int32) async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 3_000)
            let cluster = try LocalCluster(dir: dir)
            let first = try cluster.startCoordinator([input.file.path], extra: ["--batch", "32"])
            try cluster.startCollector()
            try cluster.startWorker()
            try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 600) })
            kill(first.processIdentifier, signal)
            cluster.wait(first, timeout: 60)
            let committedBefore = try #require(cluster.committedRecords)
            let second = try cluster.startCoordinator(
                [input.file.path], extra: ["--batch", "32", "--resume"])
            #expect(cluster.wait(second) == 0, "\(cluster.allLogs)")
            try expectExactOutput(cluster, input)
            let starts = cluster.journalEntries.filter { $0["t"] as? String == "start" }
            #expect(starts.count == 2)
            #expect(starts.last?["reason"] as? String == "resume")
            // Work done twice is bounded by what was in flight: 2 workers × credit 2 jobs × 32 articles,
            // plus the read-ahead queue; the collector drops those duplicates.
            let summary = cluster.log(second)
            // The summary leaves the duplicates line out when there were none; that it was printed
            // at all is checked first, so a change of wording cannot pass as "no duplicates".
            #expect(summary.contains("throughput:"), "\(summary)")
            let duplicates = Self.number(after: "duplicates dropped:", in: summary) ?? 0
            #expect(duplicates * 32 <= 8 * 32, "\(summary)")
            #expect(committedBefore >= 600)
        }
    }

    @Test func lateResultForCommittedJobIsDroppedAndCounted() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 2_000)
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([input.file.path], extra: ["--batch", "16"])
            try cluster.startCollector()
            let sleeper = try cluster.startWorker()
            try cluster.startWorker()
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 100) })
            kill(sleeper.processIdentifier, SIGSTOP)  // holds its jobs, silent: declared dead, jobs re-run
            #expect(
                cluster.waitUntil { cluster.journalEntries.contains { $0["t"] as? String == "requeued" } })
            // The re-queued jobs are committed by the other worker before the sleeper wakes.
            #expect(cluster.waitUntil { cluster.requeuedJobsAreCommitted }, "\(cluster.journalEntries)")
            kill(sleeper.processIdentifier, SIGCONT)  // finishes and delivers results already committed
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            try expectExactOutput(cluster, input)
            let summary = cluster.log(coordinator)
            #expect((Self.number(after: "duplicates dropped:", in: summary) ?? 0) >= 1, "\(summary)")
        }
    }

    @Test func workersMayStartBeforeTheCoordinatorOrJoinLate() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = try scrape(dir, count: 3_000)
            let cluster = try LocalCluster(dir: dir)
            let early = try cluster.startWorker()
            let collector = try cluster.startCollector()
            // Both are up and calling a coordinator that is not there yet.
            #expect(
                cluster.waitUntil {
                    cluster.log(early).contains("worker started")
                        && cluster.log(collector).contains("collector started")
                })
            let coordinator = try cluster.startCoordinator([input.file.path], extra: ["--batch", "16"])
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 200) })
            let late = try cluster.startWorker()
            #expect(
                cluster.waitUntil {
                    let rows = cluster.status()?["workers"] as? [[String: Any]] ?? []
                    return rows.contains {
                        ($0["pid"] as? Int) == Int(late.processIdentifier)
                            && ($0["articles_done"] as? Int ?? 0) > 0
                    }
                }, "the late worker gets work")
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            try expectExactOutput(cluster, input)
        }
    }

    static func number(after label: String, in text: String) -> Int? {
        guard let range = text.range(of: label) else { return nil }
        return Int(
            text[range.upperBound...].prefix { $0 == " " || $0.isNumber }.trimmingCharacters(in: .whitespaces)
        )
    }
}
