import Foundation
import TestSupport
import Testing

/// `s3://` inputs from a real S3-compatible store (the moto server, started by the tests): a
/// cluster over an `s3://bucket/prefix/` gives the records of the same run on the local files,
/// byte for byte, whether the coordinator streams the objects or the workers fetch split ranges;
/// listings follow continuation tokens; a store that checks signatures accepts ours (listings,
/// sizes, ranges, CDX records) and refuses a wrong key. Without moto (outside CI) those tests are
/// skipped; under CI they fail. Throttling is retried as for http(s) (a server with faults).
@Suite(.serialized) struct S3InputTests {
    private func run(
        _ arguments: [String], in dir: TemporaryDirectory, environment: [String: String],
        expectSuccess: Bool = true
    ) throws -> PressworkBinary.Outcome {
        let outcome = try PressworkBinary.run(
            arguments + ["--quiet", "--log-level", "info"], in: dir.url, environment: environment)
        if expectSuccess {
            #expect(
                outcome.status == 0 || outcome.status == LocalRunTests.finishedWithFailures,
                "\(outcome.stderr.suffix(3_000))")
        }
        return outcome
    }

    /// The first line two outputs differ in, short (a whole output is too long for a message).
    private static func difference(_ a: [String], _ b: [String]) -> String {
        guard
            let index = a.indices.first(where: { $0 >= b.count || a[$0] != b[$0] })
                ?? (a.count < b.count ? a.count : nil)
        else { return "none" }
        func line(_ lines: [String]) -> String {
            index < lines.count ? String(lines[index].prefix(300)) : "(end)"
        }
        return "\(a.count) vs \(b.count) lines, first differing: \(line(a)) | \(line(b))"
    }

    private static let skipped =
        "moto_server is not installed: tools/setup/install-test-servers.sh installs it"

    @Test(.enabled(if: MotoServer.shouldRun, "\(skipped)"))
    func aRunOverAnS3PrefixGivesTheRecordsOfTheLocalFiles() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("files"), counts: [70, 50, 40], broken: 0.03)
            var objects = Dictionary(
                uniqueKeysWithValues: zip(
                    crawl.files.map { "seg/" + $0 }, crawl.paths.map(URL.init(fileURLWithPath:))))
            objects["other/crawl-9.warc.gz"] = URL(fileURLWithPath: crawl.paths[0])
            let moto = try MotoServer(logs: dir.url, bucket: "crawl", objects: objects, publicRead: true)
            defer { moto.stop() }
            let store = ["--s3-endpoint", moto.endpoint, "--s3-page-size", "2", "--workers", "2"]

            // Anonymous (unsigned): the coordinator lists the prefix in pages of 2 and streams each object.
            _ = try run(
                ["run", "s3://crawl/seg/", "-o", dir.path("streamed").path, "--no-split-remote"] + store,
                in: dir,
                environment: [:]
            )
            let listings = moto.requests.filter { $0.contains("list-type=2") }
            #expect(listings.count == 2, "3 objects in pages of 2: \(listings)")
            #expect(listings.filter { $0.contains("continuation-token=") }.count == 1, "\(listings)")
            // Signed: the workers fetch ranges of the objects (split jobs) with the credentials
            // `run` hands them.
            let before = moto.requests.count
            _ = try run(
                [
                    "run", "s3://crawl/seg/", "-o", dir.path("split").path, "--split-remote", "--split-mb",
                    "0.05",
                ]
                    + store, in: dir, environment: moto.credentialEnvironment)
            let splitRequests = moto.requests.dropFirst(before)
            #expect(
                splitRequests.filter { $0.contains("\"HEAD /crawl/seg/") }.count == 3,
                "one size request a file")
            #expect(
                splitRequests.filter { $0.contains("\"GET /crawl/seg/") }.count > 3,
                "the workers read ranges, several a file: \(splitRequests)")
            #expect(!splitRequests.contains { $0.contains("/crawl/other/") }, "outside the prefix")

            _ = try run(
                ["run"] + crawl.paths + ["-o", dir.path("local").path, "--workers", "2"], in: dir,
                environment: [:])
            let local = try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)
            #expect(local.count > 150)
            for name in ["streamed", "split"] {
                let overS3 = try RemoteCrawl.lines(
                    dir.path(name), readFrom: "s3://crawl/seg/", folder: crawl.folder)
                #expect(
                    overS3 == local,
                    "\(name): the same records and failures, byte for byte; \(Self.difference(overS3, local))"
                )
            }
        }
    }

    @Test(.enabled(if: MotoServer.shouldRun, "\(skipped)"))
    func separateProcessesReadAnS3PrefixGivenToTheCoordinator() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("files"), counts: [60, 50])
            let objects = Dictionary(
                uniqueKeysWithValues: zip(
                    crawl.files.map { "seg/" + $0 }, crawl.paths.map(URL.init(fileURLWithPath:))))
            let moto = try MotoServer(logs: dir.url, bucket: "crawl", objects: objects, publicRead: true)
            defer { moto.stop() }
            let cluster = try LocalCluster(dir: dir)
            try cluster.startCollector()
            let coordinator = try cluster.startCoordinator(
                ["s3://crawl/seg/"],
                extra: [
                    "--s3-endpoint", moto.endpoint, "--by-reference", "--split-remote", "--split-mb", "0.05",
                ])
            for _ in 0..<2 {
                try cluster.startWorker(
                    threads: 1, extra: ["--s3-endpoint", moto.endpoint, "--input-root", "s3://crawl/seg/"])
            }
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            for worker in cluster.workers { #expect(cluster.wait(worker, timeout: 20) == 0) }
            #expect(cluster.wait(cluster.collector!, timeout: 20) == 0)
            let written = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            #expect(written.count == crawl.urls.count, "nothing twice")
            #expect(Set(written) == crawl.urls, "nothing lost")
            #expect(
                moto.requests.filter { $0.contains("\"GET /crawl/seg/") }.count > 2,
                "the workers fetched ranges")
        }
    }

    /// The objects lie at the top of the bucket here: moto 5.2 checks a signature against the
    /// decoded query, so a listing prefix holding a `/` (sent encoded, as SigV4 requires and
    /// boto3 does too) does not verify there; a glob's prefix `crawl-` needs no encoding.
    @Test(.enabled(if: MotoServer.shouldRun, "\(skipped)"))
    func aStoreThatChecksSignaturesAcceptsOursAndRefusesAWrongKey() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("files"), counts: [60, 40])
            let objects = Dictionary(
                uniqueKeysWithValues: zip(crawl.files, crawl.paths.map(URL.init(fileURLWithPath:))))
            let moto = try MotoServer(
                logs: dir.url, bucket: "crawl", objects: objects, verifiesSignatures: true)
            defer { moto.stop() }
            let input = [
                "run", "s3://crawl/crawl-*.warc.gz", "--s3-endpoint", moto.endpoint, "--workers", "2",
            ]

            _ = try run(
                input + ["-o", dir.path("signed").path, "--split-remote", "--split-mb", "0.05"], in: dir,
                environment: moto.credentialEnvironment)
            _ = try run(
                ["run"] + crawl.paths + ["-o", dir.path("local").path, "--workers", "2"], in: dir,
                environment: [:])
            let signed = try RemoteCrawl.lines(
                dir.path("signed"), readFrom: "s3://crawl/", folder: crawl.folder)
            let local = try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)
            #expect(local.count > 90)
            #expect(signed == local, "\(Self.difference(signed, local))")

            var wrong = moto.credentialEnvironment
            wrong["AWS_SECRET_ACCESS_KEY"] = moto.secretAccessKey + "x"
            let refused = try run(
                input + ["-o", dir.path("wrong").path], in: dir, environment: wrong, expectSuccess: false)
            #expect(refused.status != 0)
            #expect(
                refused.stderr.contains(
                    "cannot list s3://crawl/crawl-*.warc.gz: fetch failed after 1 attempt: http status 403"),
                "\(refused.stderr.suffix(2_000))")
            #expect(!FileManager.default.fileExists(atPath: dir.path("wrong").path), "nothing was run")
        }
    }

    @Test(.enabled(if: MotoServer.shouldRun, "\(skipped)"))
    func aCdxSelectionOnS3FetchesOnlyTheSelectedRecordsSigned() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let (crawl, index) = try CdxSelectionRunTests.crawlWithIndex(in: dir)
            var objects = Dictionary(
                uniqueKeysWithValues: zip(
                    crawl.files.map { "cc/" + $0 }, crawl.paths.map(URL.init(fileURLWithPath:))))
            objects["cc/index.cdxj"] = index
            let moto = try MotoServer(
                logs: dir.url, bucket: "crawl", objects: objects, verifiesSignatures: true)
            defer { moto.stop() }
            let whole = try run(
                ["run"] + crawl.paths + ["-o", dir.path("whole").path], in: dir, environment: [:])
            #expect(whole.status == 0)
            let before = moto.requests.count
            _ = try run(
                [
                    "run", "--cdx", "s3://crawl/cc/index.cdxj", "--base", "s3://crawl/cc/", "--url-regex",
                    "city-council", "--s3-endpoint", moto.endpoint, "-o", dir.path("selected").path,
                    "--workers",
                    "2",
                ], in: dir, environment: moto.credentialEnvironment)
            let expected = try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("whole")).filter {
                $0.contains("city-council")
            }
            #expect(expected.count >= 20)
            #expect(try CdxSelectionRunTests.recordLinesWithoutSource(dir.path("selected")) == expected)
            let fetched = moto.requests.dropFirst(before).filter { $0.contains("\"GET /crawl/cc/crawl-") }
            #expect(fetched.count == expected.count, "one ranged GET a selected record")
            #expect(fetched.allSatisfy { $0.contains("\" 206 ") }, "\(fetched.prefix(3))")
        }
    }

    /// S3 throttles with 503 (`SlowDown`): an `s3://` object is retried with the backoff of
    /// http(s) inputs and the retries count as throttling. The store here is a server that answers
    /// 503 three times, then serves the file path-style (`/bucket/key`), unsigned.
    @Test func aThrottledS3ObjectIsRetriedLikeAnHTTPOne() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("store/crawl"), counts: [60])
            let server = try FaultyHTTPServer(serving: dir.path("store"), logs: dir.url, failFirst: 3)
            let overS3 = try run(
                [
                    "run", "s3://crawl/" + crawl.files[0], "--s3-endpoint", server.baseURL, "-o",
                    dir.path("s3").path, "--no-split-remote",
                ], in: dir, environment: [:])
            #expect(server.requests.map(\.status) == [503, 503, 503, 200])
            #expect(
                server.requests.allSatisfy { $0.path == "/crawl/" + crawl.files[0] }, "\(server.requests)")
            #expect(
                overS3.stderr.contains("requests=4 retries=3 throttled=3"), "\(overS3.stderr.suffix(2_000))")
            _ = try run(["run"] + crawl.paths + ["-o", dir.path("local").path], in: dir, environment: [:])
            let local = try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)
            #expect(local.count == 60)
            #expect(
                try RemoteCrawl.lines(dir.path("s3"), readFrom: "s3://crawl/", folder: crawl.folder) == local)
        }
    }
}
