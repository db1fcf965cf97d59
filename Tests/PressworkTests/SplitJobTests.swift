import Foundation
import TestSupport
import Testing

/// Split jobs (`--split-mb`): WARC.gz files cut by size into byte ranges that workers read by
/// themselves. A run with splits must write what a run without them writes — the same records byte
/// for byte, the same dead letters — on a crawl file whose split boundaries fall inside members, a
/// file that is one gzip stream (not one record per member), and a file cut short.
@Suite(.serialized) struct SplitJobTests {
    /// Records re-serialised with sorted keys, then each dead letter's id, place, stage and reason;
    /// sorted.
    private func lines(_ output: OutputDirectory) throws -> [String] {
        let records = try output.records.map { object in
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let failures = try output.deadLetters.map { object in
            ["id", "source", "stage", "reason"].map { (object[$0] as? String) ?? "-" }.joined(
                separator: " | ")
        }
        return records.sorted() + failures.sorted()
    }

    private func logged(_ key: String, in log: String) -> Int? {
        guard let range = log.range(of: key + #"[^0-9]*[0-9]+"#, options: .regularExpression) else {
            return nil
        }
        return Int(log[range].filter(\.isNumber))
    }

    /// Runs python3 on a one-line program with `arguments`.
    private func python(_ program: String, _ arguments: [String]) throws {
        #expect(try CommandLineTool.run(["python3", "-c", program] + arguments) == 0)
    }

    /// A crawl file (one record per member, 3% broken records), a crawl of 100 records as one gzip
    /// stream, and a copy of the first cut 700 bytes before its end.
    private func inputs(in dir: TemporaryDirectory) throws -> [URL] {
        let crawl = dir.path("crawl.warc.gz")
        try Scrapes.generate(
            count: 300, format: "warc.gz", to: crawl, urls: dir.path("urls.txt"), broken: 0.03)
        let plain = dir.path("plain.warc")
        try Scrapes.generate(count: 100, format: "warc", to: plain, urls: dir.path("plain-urls.txt"))
        let stream = dir.path("stream.warc.gz")
        let cut = dir.path("cut.warc.gz")
        try python(
            "import gzip,sys; open(sys.argv[2],'wb').write(gzip.compress(open(sys.argv[1],'rb').read()))",
            [plain.path, stream.path])
        try FileManager.default.removeItem(at: plain)
        try python(
            "import sys; d=open(sys.argv[1],'rb').read(); open(sys.argv[2],'wb').write(d[:len(d)-700])",
            [crawl.path, cut.path])
        return [crawl, stream, cut]
    }

    @Test func aRunWithSplitsWritesWhatARunWithoutThemWrites() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let files = try inputs(in: dir).map(\.path)
            var outputs: [String: [String]] = [:]
            // 30,000 bytes: boundaries fall inside members of about 4 KB, and the one-stream file
            // spans several splits of which only the first holds records.
            for (name, splitMB) in [("whole", "0"), ("splits", "0.0286")] {
                let out = dir.path(name)
                let outcome = try PressworkBinary.run(
                    ["run"] + files + [
                        "-o", out.path, "--workers", "2", "--threads", "1", "--quiet", "--log-level", "info",
                        "--split-mb", splitMB,
                    ],
                    in: dir.url)
                #expect(outcome.status == LocalRunTests.finishedWithFailures, "\(outcome.stderr)")
                let splits = try #require(logged("split_jobs", in: outcome.stderr), "\(outcome.stderr)")
                #expect(name == "whole" ? splits == 0 : splits > 30, "\(outcome.stderr)")
                #expect(
                    outcome.stdout.contains("not articles"), "skipped records are counted: \(outcome.stdout)")
                outputs[name] = try lines(OutputDirectory(url: out))
            }
            let whole = try #require(outputs["whole"])
            #expect(whole.count > 680, "records of the three files and their failures")
            #expect(
                whole.contains { $0.contains("cut.warc.gz@") && $0.contains("| read |") },
                "the cut is reported")
            #expect(outputs["splits"] == whole)
        }
    }

    @Test func clusterWorkersReadSplitsInsideTheirInputRootsAndAGoneFileIsADeadLetter() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("crawl.warc.gz")
            try Scrapes.generate(count: 400, format: "warc.gz", to: input, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [input.path, dir.path("gone.warc.gz").path],
                extra: ["--by-reference", "--split-mb", "0.1"])
            try cluster.startCollector()
            for _ in 0..<2 { try cluster.startWorker(extra: ["--input-root", dir.url.path]) }
            #expect(cluster.wait(coordinator) == LocalRunTests.finishedWithFailures, "\(cluster.allLogs)")
            let expected = Set(
                try String(contentsOf: dir.path("urls.txt"), encoding: .utf8).split(separator: "\n").map(
                    String.init))
            let output = OutputDirectory(url: cluster.output)
            let written = try output.records.compactMap { $0["url"] as? String }
            #expect(written.count == expected.count, "nothing twice")
            #expect(Set(written) == expected, "nothing lost")
            let log = cluster.log(coordinator)
            #expect((logged("split_jobs", in: log) ?? 0) >= 10, "\(log)")
            #expect(logged("held_peak_kb", in: log) == 0, "splits carry no bodies")
            #expect(logged("referenced_articles", in: log) == 0, "the coordinator read no record heads")
            let dead = try output.deadLetters
            #expect(dead.count == 1, "the missing input: \(dead)")
        }
    }

    /// Split jobs are the default for remote `.warc.gz` inputs: no flag asks for them here.
    @Test func splitsOfFilesOnHTTPAreFetchedByTheWorkersWithRanges() async throws {
        if let missing = NginxServer.missing {
            print("skipped: \(missing)")
            return
        }
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("crawl"), counts: [200, 150], broken: 0.03)
            let nginx = try NginxServer(serving: crawl.folder, logs: dir.url)
            defer { nginx.stop() }
            let local = try PressworkBinary.run(
                ["run"] + crawl.paths + ["-o", dir.path("local").path, "--quiet", "--split-mb", "0"],
                in: dir.url)
            #expect(local.status == LocalRunTests.finishedWithFailures, "\(local.stderr)")
            let remote = try PressworkBinary.run(
                ["run"] + crawl.files.map { nginx.baseURL + $0 } + [
                    "-o", dir.path("remote").path, "--quiet", "--workers", "2",
                    "--split-mb", "0.25",
                ], in: dir.url)
            #expect(remote.status == LocalRunTests.finishedWithFailures, "\(remote.stderr)")
            let expected = try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("local"))
            #expect(expected.count > 300)
            #expect(try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("remote")) == expected)
            let failures = { (name: String) in
                try OutputDirectory(url: dir.path(name)).deadLetters.map { ($0["reason"] as? String) ?? "-" }
                    .sorted()
            }
            #expect(try failures("remote") == failures("local"))
            // The coordinator asked for sizes only; the workers fetched ranges, about the crawl once.
            let requests = nginx.accessLog.split(separator: "\n")
            #expect(
                requests.filter { $0.contains("\"GET ") }.allSatisfy { $0.contains(" 206 ") }, "\(requests)")
            #expect(requests.filter { $0.contains("\"HEAD ") }.count == crawl.files.count)
            let sent = requests.compactMap { line -> Int? in
                let fields = line.split(separator: " ")
                return fields.count > 5 ? Int(fields[5]) : nil
            }.reduce(0, +)
            let size = try crawl.totalBytes()
            print(
                "fetched \(sent) bytes over \(requests.count) requests for a \(size)-byte crawl in 0.25-MB splits"
            )
            #expect(sent >= size && sent < 3 * size)
        }
    }

    @Test func aKilledCoordinatorResumesASplitRunWithoutLosingOrRepeatingRecords() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("crawl.warc.gz")
            try Scrapes.generate(count: 1_500, format: "warc.gz", to: input, urls: dir.path("urls.txt"))
            let cluster = try LocalCluster(dir: dir)
            let splits = ["--by-reference", "--split-mb", "0.05"]
            let first = try cluster.startCoordinator([input.path], extra: splits)
            try cluster.startCollector()
            for _ in 0..<2 { try cluster.startWorker(extra: ["--input-root", dir.url.path]) }
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 300) })
            kill(first.processIdentifier, SIGKILL)
            cluster.wait(first, timeout: 60)
            let second = try cluster.startCoordinator([input.path], extra: splits + ["--resume"])
            #expect(cluster.wait(second) == 0, "\(cluster.allLogs)")
            let expected = Set(
                try String(contentsOf: dir.path("urls.txt"), encoding: .utf8).split(separator: "\n")
                    .map(String.init))
            let written = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            #expect(written.count == expected.count, "nothing twice")
            #expect(Set(written) == expected, "nothing lost")
            let starts = cluster.journalEntries.filter { $0["t"] as? String == "start" }
            #expect(starts.count == 2)
            let settings = starts.last?["settings"] as? [String: Any]
            #expect(settings?["split_bytes"] as? Int == 52_428, "the journal records the split size")
        }
    }
}
