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
}
