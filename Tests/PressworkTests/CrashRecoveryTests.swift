import Foundation
import TestSupport
import Testing

/// A run killed with SIGKILL in the middle leaves only committed output; running it again on the
/// same output directory completes it with every article exactly once.
@Suite(.serialized) struct CrashRecoveryTests {
    @Test func killedRunResumesToExactlyOnceOutput() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let scrape = dir.path("scrape.jsonl.gz")
            let ids = dir.path("urls.txt")
            try Scrapes.generate(count: 3_000, format: "jsonl.gz", to: scrape, urls: ids)
            let expected = Set(try Scrapes.urls(listedIn: ids))
            #expect(expected.count == 3_000)

            let out = dir.path("out")
            let arguments = ["run", scrape.path, "-o", out.path, "--shards", "4", "--batch", "16", "--quiet"]
            let first = try PressworkBinary.start(arguments, logs: dir.url, name: "first")
            let output = OutputDirectory(url: out)
            let committed = { (output.manifest?["totals"] as? [String: Any])?["records"] as? Int }
            #expect(
                Waiting.until(timeout: 60, interval: 0.01) { !first.isRunning || (committed() ?? 0) >= 200 })
            let children = ProcessTable.children(of: first.processIdentifier)
            #expect(children.count == 2, "a collector and a worker")
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(!output.files.contains("_SUCCESS"), "killed before the end")
            #expect(try #require(committed()) >= 200, "killed after the first commits")
            // The children notice their parent is gone and stop.
            #expect(Waiting.until(timeout: 30) { children.allSatisfy(ProcessTable.hasExited) })

            let second = try PressworkBinary.run(arguments, in: dir.url)
            #expect(second.status == 0, "\(second.stderr)")
            let records = try output.records
            let urls = records.compactMap { $0["url"] as? String }
            #expect(urls.count == expected.count, "no article twice")
            #expect(Set(urls) == expected, "no article lost")
            #expect(output.files.contains("_SUCCESS"))
            #expect(!output.files.contains { $0.hasPrefix(".") }, "no temporary files left: \(output.files)")
        }
    }
}
