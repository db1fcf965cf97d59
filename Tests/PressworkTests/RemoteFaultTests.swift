import Foundation
import TestSupport
import Testing

/// Faults while workers fetch split and CDX ranges, with real processes and a real server on
/// loopback (`FaultyHTTPServer`): 503s and connections dropped mid-range are retried and resumed,
/// and the records are those of the local run; ranges that keep failing dead-letter their records
/// at stage `fetch` with the HTTP status or the error; a file deleted mid-run fails the split jobs
/// that had not opened it yet, with the reason, and every record is accounted for.
@Suite(.serialized) struct RemoteFaultTests {
    private func run(_ arguments: [String], in dir: URL) throws -> PressworkBinary.Outcome {
        try PressworkBinary.run(arguments + ["--quiet", "--log-level", "info"], in: dir)
    }

    /// The GETs the server logged, in order (HEADs left out).
    private func gets(_ server: FaultyHTTPServer) -> [(path: String, range: String, status: Int)] {
        server.requests.filter { $0.range != "HEAD" }
    }

    /// Whether a dropped range request (`bytes=A-B`, half of it sent) was asked for again from its
    /// first byte not received (`bytes=A+half-B`).
    private func resumed(
        _ dropped: (path: String, range: String, status: Int), in server: FaultyHTTPServer
    )
        -> Bool
    {
        let bounds = dropped.range.dropFirst("bytes=".count).split(
            separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]) else { return false }
        let rest = "bytes=\(first + (last - first + 1) / 2)-\(last)"
        return server.requests.contains { $0.path == dropped.path && $0.range == rest && $0.status == 206 }
    }

    @Test func remoteSplitsRetry503sAndResumeDroppedRangesIntoTheLocalRecords() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [160], broken: 0.03)
            let server = try FaultyHTTPServer(
                serving: crawl.folder, logs: dir.url, failFirst: 3, dropFirst: 3)
            let remote = try run(
                [
                    "run", server.baseURL + crawl.files[0], "-o", dir.path("http").path, "--workers", "2",
                    "--split-mb", "0.1",
                ], in: dir.url)
            #expect(remote.status == LocalRunTests.finishedWithFailures, "\(remote.stderr.suffix(3_000))")
            let local = try run(
                ["run", crawl.paths[0], "-o", dir.path("local").path, "--split-mb", "0"], in: dir.url)
            #expect(local.status == LocalRunTests.finishedWithFailures, "\(local.stderr.suffix(3_000))")

            let requests = gets(server)
            #expect(requests.prefix(3).map(\.status) == [503, 503, 503], "\(requests)")
            #expect(
                requests.dropFirst(3).allSatisfy { $0.status == 206 }, "workers fetch ranges: \(requests)")
            let dropped = Array(requests.dropFirst(3).prefix(3))
            #expect(dropped.count == 3)
            for range in dropped { #expect(resumed(range, in: server), "\(range) in \(server.requests)") }
            let overHTTP = try RemoteCrawl.lines(
                dir.path("http"), readFrom: server.baseURL, folder: crawl.folder)
            let expected = try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)
            #expect(expected.count > 150)
            #expect(
                try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("http"))
                    == CdxSelectionRunTests.recordLinesWithoutSource(dir.path("local")))
            #expect(overHTTP == expected, "records and dead letters, their sources read as local")
        }
    }

    @Test func cdxRangesRetry503sResumeDropsAndAMissingFileIsAFetchDeadLetterWithItsStatus() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try CdxSelectionRunTests.crawlWithIndex(in: dir)
            // One more line naming a file the server does not have.
            let lines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n")
            let selected = lines.filter { $0.contains("city-council") }
            let gone = try #require(selected.first).replacingOccurrences(
                of: crawl.files[0], with: "gone.warc.gz")
            try (lines.map(String.init) + [gone]).joined(separator: "\n").appending("\n")
                .write(to: index, atomically: true, encoding: .utf8)
            // Four faults in all: within the default six attempts even if they hit one record (a
            // record that fails more often is dead-lettered, as the next test shows).
            let server = try FaultyHTTPServer(
                serving: crawl.folder, logs: dir.url, failFirst: 2, dropFirst: 2)

            let whole = try run(["run"] + crawl.paths + ["-o", dir.path("whole").path], in: crawl.folder)
            #expect(whole.status == 0, "\(whole.stderr.suffix(3_000))")
            let outcome = try run(
                [
                    "run", "--cdx", index.path, "--base", server.baseURL, "--url-regex", "city-council", "-o",
                    dir.path("selected").path, "--workers", "2",
                ], in: dir.url)
            #expect(outcome.status == LocalRunTests.finishedWithFailures, "\(outcome.stderr.suffix(3_000))")
            let expected = try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("whole")).filter {
                $0.contains("city-council")
            }
            #expect(expected.count >= 20)
            #expect(try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("selected")) == expected)

            let requests = gets(server)
            #expect(requests.prefix(2).map(\.status) == [503, 503], "\(requests)")
            let dropped = Array(requests.filter { $0.status == 206 }.prefix(2))
            #expect(dropped.count == 2)
            for range in dropped { #expect(resumed(range, in: server), "\(range) in \(server.requests)") }
            let dead = try OutputDirectory(url: dir.path("selected")).deadLetters
            #expect(dead.count == 1, "\(dead)")
            #expect(dead.first?["stage"] as? String == "fetch")
            #expect(
                (dead.first?["source"] as? String)?.hasPrefix(server.baseURL + "gone.warc.gz@") == true,
                "\(dead)")
            // A 404 is the answer, not retried (a 503 before it is).
            let reason = try #require(dead.first?["reason"] as? String)
            let goneRequests = requests.filter { $0.path == "/gone.warc.gz" }
            let tries = goneRequests.count == 1 ? "1 attempt" : "\(goneRequests.count) attempts"
            #expect(reason.contains("fetch failed after \(tries): http status 404"), "\(reason)")
            #expect(goneRequests.map(\.status).filter { $0 == 404 } == [404])
            #expect(goneRequests.last?.status == 404)
        }
    }

    @Test func cdxRangesThatKeepBreakingDeadLetterTheirRecordsAtFetchWithTheError() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try CdxSelectionRunTests.crawlWithIndex(in: dir)
            // Every request delivers half of its range, then the connection drops.
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url, dropFirst: 100_000)
            let selectedLines = try String(contentsOf: index, encoding: .utf8).split(separator: "\n")
                .filter { $0.contains("city-council") }
            let outcome = try run(
                [
                    "run", "--cdx", index.path, "--base", server.baseURL, "--url-regex", "city-council", "-o",
                    dir.path("selected").path, "--workers", "2", "--fetch-attempts", "2",
                ], in: dir.url)
            #expect(outcome.status == LocalRunTests.finishedWithFailures, "\(outcome.stderr.suffix(3_000))")
            #expect(outcome.stdout.contains("fetch: \(selectedLines.count)"), "\(outcome.stdout)")
            let output = OutputDirectory(url: dir.path("selected"))
            #expect(try output.records.isEmpty)
            let dead = try output.deadLetters
            #expect(dead.count == selectedLines.count, "one row per selected record")
            #expect(dead.allSatisfy { $0["stage"] as? String == "fetch" }, "\(dead)")
            #expect(
                dead.allSatisfy {
                    ($0["reason"] as? String)?.contains("fetch failed after 2 attempts: ") == true
                },
                "\(dead.prefix(3))")
            let sources = Set(dead.compactMap { $0["source"] as? String })
            #expect(sources.count == selectedLines.count)
            #expect(sources.allSatisfy { $0.hasPrefix(server.baseURL + "crawl-") }, "\(sources.prefix(3))")
            #expect(gets(server).count == 2 * selectedLines.count, "two attempts a record")
        }
    }

    @Test func aFileDeletedMidRunFailsItsRemainingSplitJobsAndEveryRecordIsAccounted() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("crawl.warc.gz")
            try Scrapes.generate(count: 2_000, format: "warc.gz", to: input, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [input.path], extra: ["--by-reference", "--split-mb", "0.05"])
            try cluster.startCollector()
            try cluster.startWorker(extra: ["--input-root", dir.url.path])
            #expect(
                cluster.waitUntil(timeout: 120) { cluster.hasCommitted(atLeast: 100) }, "\(cluster.allLogs)")
            try #require(coordinator.isRunning, "the run is still going when the file goes")
            try FileManager.default.removeItem(at: input)
            #expect(cluster.wait(coordinator) == LocalRunTests.finishedWithFailures, "\(cluster.allLogs)")
            #expect(cluster.wait(cluster.collector!, timeout: 30) == 0)

            let expected = Set(
                try String(contentsOf: dir.path("urls.txt"), encoding: .utf8).split(separator: "\n")
                    .map(String.init))
            let output = OutputDirectory(url: cluster.output)
            let written = try output.records.compactMap { $0["url"] as? String }
            #expect(written.count >= 100 && written.count < expected.count, "\(written.count)")
            #expect(Set(written).count == written.count, "nothing twice")
            #expect(Set(written).isSubset(of: expected))
            let dead = try output.deadLetters
            #expect(!dead.isEmpty)
            #expect(dead.allSatisfy { $0["stage"] as? String == "read" }, "\(dead.prefix(3))")
            #expect(
                dead.allSatisfy { ($0["reason"] as? String)?.contains("cannot open split input") == true },
                "\(dead.prefix(3))")
            #expect(dead.allSatisfy { ($0["source"] as? String)?.hasPrefix(input.path + "@") == true })
            // The coordinator's count of committed items is what the output holds.
            let log = cluster.log(coordinator)
            let range = try #require(
                log.range(of: #"(?<![_a-z])articles=[0-9]+"#, options: .regularExpression), "\(log)"
            )
            #expect(Int(log[range].filter(\.isNumber)) == written.count + dead.count, "\(log.suffix(2_000))")
            let splits = try #require(log.range(of: #"split_jobs=[0-9]+"#, options: .regularExpression))
            #expect(dead.count < Int(log[splits].filter(\.isNumber)) ?? 0, "some splits were read before")
        }
    }
}
