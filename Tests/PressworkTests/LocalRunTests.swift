import Foundation
import TestSupport
import Testing

/// `presswork run` end to end: real processes (coordinator, collector, workers) over real ZeroMQ.
@Suite(.serialized) struct LocalRunTests {
    static let finishedWithFailures: Int32 = 2

    @Test func aebCorpusGivesExactlyOneOutputPerPage() async throws {
        try await ProcessTestSlots.run {
            guard let shared = SharedFolder.url else {
                print("skipped: ../shared is absent (the AEB corpus is not distributed with the project)")
                return
            }
            let pages = shared.appendingPathComponent("corpus/aeb/html")
            let pageCount = try FileManager.default.contentsOfDirectory(atPath: pages.path)
                .filter { $0.hasSuffix(".html") }.count
            let dir = try TemporaryDirectory()
            let out = dir.path("out")
            let outcome = try PressworkBinary.run(
                ["run", pages.path, "-o", out.path, "--workers", "2", "--shards", "4", "--quiet"], in: dir.url
            )
            #expect(outcome.status == 0 || outcome.status == Self.finishedWithFailures, "\(outcome.stderr)")
            let output = OutputDirectory(url: out)
            let records = try output.records
            let failures = try output.deadLetters
            #expect(records.count + failures.count == pageCount)
            let ids = (records + failures).compactMap { $0["id"] as? String }
            #expect(Set(ids).count == pageCount, "every id exactly once")
            #expect(records.count >= pageCount - 5)
            #expect(output.files.contains("_SUCCESS"))
            #expect(output.files.filter { $0.hasPrefix("shard-") }.count == 4)
            #expect(outcome.stdout.contains("records written:  \(records.count)"))
        }
    }

    @Test func brokenPagesLandInDeadLetterWithAReasonAndTheRunGoesOn() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("input")
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            let samples = PressworkBinary.repositoryRoot.appendingPathComponent("tools/sample-pages")
            var good = 0
            for name in try FileManager.default.contentsOfDirectory(atPath: samples.path)
            where name.hasSuffix(".html") || name.hasSuffix(".txt") {
                try FileManager.default.copyItem(
                    at: samples.appendingPathComponent(name), to: input.appendingPathComponent(name))
                good += 1
            }
            // Binary junk, an empty page, and a truncated gzip page.
            var junk = [UInt8](repeating: 0, count: 4_096)
            for index in junk.indices { junk[index] = UInt8(truncatingIfNeeded: index &* 7919 &+ 13) }
            try Data(junk).write(to: input.appendingPathComponent("junk.html"))
            try Data().write(to: input.appendingPathComponent("empty.html"))
            let page = try Data(
                contentsOf: samples.appendingPathComponent(
                    try FileManager.default.contentsOfDirectory(atPath: samples.path).first {
                        $0.hasSuffix(".html")
                    }!))
            let gzipped = try gzip(page)
            try gzipped.prefix(gzipped.count / 2).write(to: input.appendingPathComponent("truncated.html.gz"))

            let out = dir.path("out")
            let outcome = try PressworkBinary.run(
                ["run", input.path, "-o", out.path, "--quiet"], in: dir.url)
            #expect(outcome.status == Self.finishedWithFailures, "\(outcome.stderr)")
            let output = OutputDirectory(url: out)
            let records = try output.records
            let failures = try output.deadLetters
            #expect(records.count == good)
            #expect(failures.count == 3)
            let sources = failures.compactMap { $0["source"] as? String }
            for name in ["junk.html", "empty.html", "truncated.html.gz"] {
                #expect(sources.contains { $0.contains(name) }, "\(name) is in dead-letter")
            }
            for failure in failures {
                #expect(!((failure["reason"] as? String) ?? "").isEmpty)
                #expect(failure["stage"] is String)
            }
            #expect(outcome.stdout.contains("failures:         3"))
        }
    }

    @Test func warcRecordsThatAreNotArticlesAreCountedInTheSummary() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let scrape = dir.path("small.warc.gz")
            try Scrapes.generate(count: 40, format: "warc.gz", to: scrape, urls: dir.path("urls.txt"))
            let outcome = try PressworkBinary.run(
                ["run", scrape.path, "-o", dir.path("out").path, "--quiet"], in: dir.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("records written:  40"))
            // The generator writes a warcinfo record and one request record per article.
            #expect(
                outcome.stdout.contains("not articles:     41 (request: 40, warcinfo: 1)"),
                "\(outcome.stdout)")
        }
    }

    @Test func extractPrintsTheRecordOfOnePage() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let samples = PressworkBinary.repositoryRoot.appendingPathComponent("tools/sample-pages")
            let name = try #require(
                try FileManager.default.contentsOfDirectory(atPath: samples.path).sorted().first {
                    $0.hasSuffix(".html")
                })
            let outcome = try PressworkBinary.run(
                ["extract", samples.appendingPathComponent(name).path], in: dir.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
            #expect((object?["text"] as? String)?.isEmpty == false)
            #expect(object?["format"] as? String == "html")
        }
    }

    @Test func statusOfAnAbsentCoordinatorFailsFastWithAMessage() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let started = Date()
            let outcome = try PressworkBinary.run(
                ["status", "--coordinator", "ipc://\(dir.path("nobody").path)", "--timeout", "1"], in: dir.url
            )
            #expect(outcome.status == 1)
            #expect(outcome.stderr.contains("no answer"))
            #expect(Date().timeIntervalSince(started) < 10)
        }
    }

    @Test func usageErrorsHaveTheirOwnExitCode() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let outcome = try PressworkBinary.run(
                ["run", "x", "-o", dir.path("o").path, "--workers", "0"], in: dir.url)
            #expect(outcome.status == 64)
        }
    }

    private func gzip(_ data: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }
}
