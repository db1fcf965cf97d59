import Foundation
import TestSupport
import Testing

/// Jobs that carry references (file + byte range) instead of bodies, for .warc and .warc.gz inputs:
/// the output must be the one jobs with bodies give, broken records included: the same records
/// byte for byte, and a dead letter with the same reason at the same place for every failure. (A
/// damaged gzip member read by reference fails in the worker, which knows the article's URL: its
/// dead letter then carries the URL's id and the attempt instead of the place's id.)
@Suite(.serialized) struct ReferenceJobTests {
    /// Every record line re-serialised with sorted keys, then every failure as place, stage and
    /// reason; sorted.
    private func lines(_ output: OutputDirectory) throws -> [String] {
        let records = try output.records.map { object in
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let failures = try output.deadLetters.map { object in
            ["source", "stage", "reason"].map { (object[$0] as? String) ?? "-" }.joined(separator: " | ")
        }
        return records.sorted() + failures.sorted()
    }

    @Test(arguments: ["warc", "warc.gz"])
    func warcGivesTheSameOutputWithReferencesAsWithBodies(format: String) async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let scrape = dir.path("scrape.\(format)")
            try Scrapes.generate(
                count: 120, format: format, to: scrape, urls: dir.path("urls.txt"), broken: 0.05)
            var outputs: [[String]] = []
            // Without splits: the coordinator reads the record heads (SplitJobTests covers splits).
            for (name, extra) in [("references", ["--split-mb", "0"]), ("bodies", ["--inline-bodies"])] {
                let out = dir.path(name)
                let outcome = try PressworkBinary.run(
                    ["run", scrape.path, "-o", out.path, "--workers", "2", "--quiet", "--log-level", "info"]
                        + extra,
                    in: dir.url)
                #expect(
                    outcome.status == 0 || outcome.status == LocalRunTests.finishedWithFailures,
                    "\(outcome.stderr)")
                let referenced = try #require(
                    outcome.stderr.range(
                        of: #"referenced_articles[^0-9]*([0-9]+)"#, options: .regularExpression
                    )
                    .map { Int(outcome.stderr[$0].filter(\.isNumber)) }, "\(outcome.stderr)")
                if name == "references" {
                    // WARC.gz records that decode to 2 KB or less are decoded whole while being judged
                    // and travel as bodies; the sample pages are larger.
                    #expect(
                        (referenced ?? 0) >= (format == "warc" ? 100 : 90), "articles travel as references")
                } else {
                    #expect(referenced == 0)
                }
                outputs.append(try lines(OutputDirectory(url: out)))
            }
            #expect(outputs[0].count >= 120)
            #expect(outputs[0] == outputs[1])
        }
    }
}

/// Separate coordinator, collector and worker processes on loopback: references across processes
/// that share a file system, and the cap on bodies the coordinator holds.
@Suite(.serialized) struct CoordinatorHoldingTests {
    private func waitForAll(_ cluster: LocalCluster, _ coordinator: Process) {
        #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
        for worker in cluster.workers { #expect(cluster.wait(worker, timeout: 20) == 0) }
        #expect(cluster.wait(cluster.collector!, timeout: 20) == 0)
    }

    private func expectEveryURLOnce(_ cluster: LocalCluster, urls: URL) throws {
        let expected = Set(try Scrapes.urls(listedIn: urls))
        let written = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
        #expect(written.count == expected.count, "nothing twice")
        #expect(Set(written) == expected, "nothing lost")
    }

    private func logged(_ key: String, in log: String) -> Int? {
        guard let range = log.range(of: key + #"[^0-9]*[0-9]+"#, options: .regularExpression) else {
            return nil
        }
        return Int(log[range].filter(\.isNumber))
    }

    @Test func aCoordinatorByReferenceSendsNoBodiesAndLosesNothing() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("scrape.warc")
            try Scrapes.generate(count: 400, format: "warc", to: input, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator([input.path], extra: ["--by-reference"])
            try cluster.startCollector()
            for _ in 0..<2 { try cluster.startWorker(extra: ["--input-root", dir.url.path]) }
            waitForAll(cluster, coordinator)
            try expectEveryURLOnce(cluster, urls: dir.path("urls.txt"))
            let log = cluster.log(coordinator)
            #expect(logged("referenced_articles", in: log) == 400, "\(log)")
            #expect(logged("held_peak_kb", in: log) == 0, "references carry no bodies")
        }
    }

    @Test func heldBodiesStayUnderTheCapWhileTheCollectorIsAwayAndNothingIsLost() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("scrape.warc.gz")
            try Scrapes.generate(count: 2_000, format: "warc.gz", to: input, urls: dir.path("urls.txt"))
            let capKB = 1_024
            // No collector at first: results cannot be committed, so without the cap the bodies of
            // every job handed out would pile up in the coordinator (5 MB here, measured). With it,
            // reading pauses; then the collector comes and the run completes.
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [input.path], extra: ["--max-held-mb", "\(capKB / 1_024)", "--batch", "16"])
            for _ in 0..<2 { try cluster.startWorker() }
            #expect(
                cluster.waitUntil { cluster.log(coordinator).contains("reading paused") },
                "the cap is reached before the collector comes: \(cluster.log(coordinator).suffix(1_500))")
            try cluster.startCollector()
            waitForAll(cluster, coordinator)
            try expectEveryURLOnce(cluster, urls: dir.path("urls.txt"))
            let log = cluster.log(coordinator)
            let peak = try #require(logged("held_peak_kb", in: log), "\(log)")
            print("coordinator held at most \(peak) KB of bodies under a \(capKB)-KB cap")
            #expect(peak > 0)
            #expect(peak < 2 * capKB, "at most the cap plus one 16-article job")
        }
    }
}
