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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", PressworkBinary.repositoryRoot.appendingPathComponent("tools/cdx/make_cdx.py").path]
            + crawl.files
        process.currentDirectoryURL = crawl.folder
        _ = FileManager.default.createFile(atPath: index.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: index)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
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
}
