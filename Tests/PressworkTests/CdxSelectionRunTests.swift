import Foundation
import TestSupport
import Testing

/// `--cdx`: a run over a crawl's CDX index with filters writes exactly the records it selects,
/// byte for byte as a run over the whole crawl writes them.
@Suite(.serialized) struct CdxSelectionRunTests {
    /// A crawl of two files and its CDX index (`tools/cdx/make_cdx.py`, relative file names).
    static func crawlWithIndex(in dir: TemporaryDirectory) throws -> (crawl: RemoteCrawl, index: URL) {
        let crawl = try RemoteCrawl.generate(in: dir.path("crawl"), counts: [150, 150])
        let index = dir.path("index.cdxj")
        let makeCdx = PressworkBinary.repositoryRoot.appendingPathComponent("tools/cdx/make_cdx.py")
        let status = try CommandLineTool.run(
            ["python3", makeCdx.path] + crawl.files, in: crawl.folder, output: index)
        #expect(status == 0)
        return (crawl, index)
    }

    /// The record lines of an output, sorted.
    static func recordLines(_ out: URL) throws -> [String] {
        try OutputDirectory(url: out).records.map { object in
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }

    @Test func aSelectionWritesExactlyTheSelectedRecordsOfAWholeRun() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try Self.crawlWithIndex(in: dir)
            // Absolute paths: the CDX run names its records' files by --base and the index's names.
            let whole = try PressworkBinary.run(
                ["run"] + crawl.paths + ["-o", dir.path("whole").path, "--quiet"], in: crawl.folder)
            #expect(whole.status == 0, "\(whole.stdout) \(whole.stderr)")
            let selected = try PressworkBinary.run(
                [
                    "run", "--cdx", index.path, "--base", crawl.folder.path, "--url-regex", "city-council",
                    "--status", "200", "-o", dir.path("selected").path, "--workers", "2", "--quiet",
                ], in: crawl.folder)
            #expect(selected.status == 0, "\(selected.stderr)")
            let expected = try Self.recordLines(dir.path("whole")).filter { $0.contains("city-council") }
            #expect(expected.count >= 20)
            #expect(try Self.recordLines(dir.path("selected")) == expected)
            #expect(selected.stdout.contains("cdx filter"), "\(selected.stdout)")
        }
    }

    /// The record lines of an output without their `source` (which names the file as it was read:
    /// a path or a URL), sorted.
    static func recordLinesWithoutSource(_ out: URL) throws -> [String] {
        try OutputDirectory(url: out).records.map { object in
            var object = object
            object["source"] = nil
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }

    @Test func overHTTPOnlyTheSelectedRecordsAreFetched() async throws {
        if let missing = NginxServer.missing {
            print("skipped: \(missing)")
            return
        }
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try Self.crawlWithIndex(in: dir)
            try FileManager.default.copyItem(at: index, to: crawl.folder.appendingPathComponent("index.cdxj"))
            let nginx = try NginxServer(serving: crawl.folder, logs: dir.url)
            defer { nginx.stop() }
            let whole = try PressworkBinary.run(
                ["run"] + crawl.paths + ["-o", dir.path("whole").path, "--quiet"], in: crawl.folder)
            #expect(whole.status == 0, "\(whole.stderr)")
            let selected = try PressworkBinary.run(
                [
                    "run", "--cdx", nginx.baseURL + "index.cdxj", "--base", nginx.baseURL, "--url-regex",
                    "city-council", "--mime", "text/html", "-o", dir.path("selected").path, "--workers", "2",
                    "--quiet",
                ], in: dir.url)
            #expect(selected.status == 0, "\(selected.stdout) \(selected.stderr)")
            let expected = try Self.recordLinesWithoutSource(dir.path("whole")).filter {
                $0.contains("city-council") && $0.contains(#""format":"html""#)
            }
            #expect(expected.count >= 10)
            #expect(try Self.recordLinesWithoutSource(dir.path("selected")) == expected)
            // Bytes nginx sent for the crawl files: exactly the selected records' members.
            let selectedLength = try String(contentsOf: index, encoding: .utf8).split(separator: "\n")
                .filter { $0.contains("city-council") && $0.contains(#""mime": "text/html""#) }
                .compactMap { line -> Int? in
                    guard let range = line.range(of: #""length": "[0-9]+""#, options: .regularExpression)
                    else {
                        return nil
                    }
                    return Int(line[range].filter(\.isNumber))
                }.reduce(0, +)
            let sent = nginx.accessLog.split(separator: "\n").filter { $0.contains(".warc.gz") }
                .compactMap { line -> Int? in
                    let fields = line.split(separator: " ")
                    return fields.count > 5 ? Int(fields[5]) : nil
                }.reduce(0, +)
            let crawlBytes = try crawl.totalBytes()
            print("fetched \(sent) bytes of \(crawlBytes) for \(expected.count) selected records")
            #expect(sent == selectedLength, "\(nginx.accessLog.suffix(2_000))")
        }
    }

    /// The figure `key=N` of the coordinator's summary in a log.
    static func summaryFigure(_ key: String, in log: String) -> Int? {
        guard let range = log.range(of: "\(key)=[0-9]+", options: .regularExpression) else { return nil }
        return Int(log[range].dropFirst(key.count + 1))
    }

    @Test func recordsOfOneFileShareJobsAndTheRecordsAreThoseOfAJobEach() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try Self.crawlWithIndex(in: dir)
            var jobs: [String: Int] = [:]
            var outputs: [String: [String]] = [:]
            for (name, perJob) in [("one", "1"), ("four", "4"), ("default", nil)] {
                let outcome = try PressworkBinary.run(
                    [
                        "run", "--cdx", index.path, "--base", crawl.folder.path, "--url-regex",
                        "city-council",
                        "-o", dir.path(name).path, "--workers", "2", "--quiet", "--log-level", "info",
                    ] + (perJob.map { ["--cdx-job-records", $0] } ?? []), in: crawl.folder)
                #expect(outcome.status == 0, "\(outcome.stderr.suffix(2_000))")
                jobs[name] = Self.summaryFigure("split_jobs", in: outcome.stderr)
                outputs[name] = try Self.recordLines(dir.path(name))
            }
            let perFile = try crawl.files.map { file in
                try String(contentsOf: index, encoding: .utf8).split(separator: "\n")
                    .filter { $0.contains("city-council") && $0.contains(file) }.count
            }
            #expect(perFile.allSatisfy { $0 > 4 && $0 <= 32 }, "\(perFile)")
            #expect(jobs["one"] == perFile.reduce(0, +), "a job per record: \(jobs)")
            #expect(jobs["four"] == perFile.map { ($0 + 3) / 4 }.reduce(0, +), "\(jobs)")
            #expect(jobs["default"] == crawl.files.count, "one job per file: \(jobs)")
            #expect(outputs["one"]?.count == perFile.reduce(0, +))
            #expect(outputs["four"] == outputs["one"])
            #expect(outputs["default"] == outputs["one"])
        }
    }

    @Test func aKilledCoordinatorResumesACdxRunOfBatchesWithoutLosingOrRepeatingRecords() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("crawl"), counts: [700, 700])
            let index = dir.path("index.cdxj")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments =
                [
                    "python3",
                    PressworkBinary.repositoryRoot.appendingPathComponent("tools/cdx/make_cdx.py").path,
                ]
                + crawl.paths
            _ = FileManager.default.createFile(atPath: index.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: index)
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let cluster = try LocalCluster(dir: dir)
            let selection = ["--by-reference", "--cdx", index.path, "--cdx-job-records", "5"]
            let first = try cluster.startCoordinator([], extra: selection)
            try cluster.startCollector()
            for _ in 0..<2 { try cluster.startWorker(extra: ["--input-root", crawl.folder.path]) }
            #expect(cluster.waitUntil { cluster.hasCommitted(atLeast: 200) }, "\(cluster.allLogs)")
            kill(first.processIdentifier, SIGKILL)
            cluster.wait(first, timeout: 60)
            let second = try cluster.startCoordinator([], extra: selection + ["--resume"])
            #expect(cluster.wait(second) == 0, "\(cluster.allLogs)")
            let written = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            #expect(written.count == crawl.urls.count, "nothing twice")
            #expect(Set(written) == crawl.urls, "nothing lost")
            #expect(
                Self.summaryFigure("split_jobs", in: cluster.log(second)) == 280, "1,400 records, 5 a job")
        }
    }
}
