import Foundation
import TestSupport
import Testing

/// Inputs over HTTP from real servers started by the tests: nginx serving generated WARC.gz files
/// (a cluster over `--paths` gives the records the same run on the files gives, byte for byte),
/// and a server with faults on purpose (503s, connections dropped mid-body) to prove the retries.
/// These inputs are streamed by the coordinator (`--no-split-remote`); split jobs of remote files,
/// the default, are proved in `SplitJobTests` and `RemoteFaultTests`.
@Suite(.serialized) struct RemoteInputTests {
    private func run(_ arguments: [String], in dir: TemporaryDirectory) throws -> PressworkBinary.Outcome {
        let outcome = try PressworkBinary.run(arguments + ["--quiet", "--log-level", "info"], in: dir.url)
        #expect(
            outcome.status == 0 || outcome.status == LocalRunTests.finishedWithFailures,
            "\(outcome.stderr.suffix(3_000))")
        return outcome
    }

    @Test(
        .enabled(
            if: NginxServer.missing == nil, "nginx is not installed: tools/setup/install-deps.sh installs it")
    )
    func aRunOverAListingOnHTTPGivesTheRecordsOfTheLocalFiles() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [140, 90], broken: 0.03)
            let listing = dir.path("paths.gz")
            try crawl.writeListing(to: listing)
            let nginx = try NginxServer(serving: crawl.folder, logs: dir.url)
            defer { nginx.stop() }

            _ = try run(
                [
                    "run", "--paths", listing.path, "--base", nginx.baseURL, "-o", dir.path("http").path,
                    "--workers", "2", "--no-split-remote",
                ], in: dir)
            _ = try run(["run"] + crawl.paths + ["-o", dir.path("local").path, "--workers", "2"], in: dir)
            let overHTTP = try RemoteCrawl.lines(
                dir.path("http"), readFrom: nginx.baseURL, folder: crawl.folder)
            let local = try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)
            #expect(overHTTP.count > 200)
            #expect(overHTTP == local, "the same records and failures, byte for byte")

            let requests = nginx.accessLog.split(separator: "\n").filter { $0.contains("GET /crawl-") }
            #expect(requests.count == 2, "one request per file: \(nginx.accessLog)")
            #expect(requests.allSatisfy { $0.contains("\" 200 ") }, "\(requests)")
            let connections = Set(requests.compactMap { $0.split(separator: " ").first })
            #expect(
                connections.count == 1, "keep-alive: the second file comes over the first one's connection")
        }
    }

    @Test(
        .enabled(
            if: NginxServer.missing == nil, "nginx is not installed: tools/setup/install-deps.sh installs it")
    )
    func separateProcessesReadAListingGivenToTheCoordinator() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [60, 50])
            let listing = dir.path("paths.txt")
            try crawl.writeListing(to: listing)
            let nginx = try NginxServer(serving: crawl.folder, logs: dir.url)
            defer { nginx.stop() }
            let cluster = try LocalCluster(dir: dir)
            try cluster.startCollector()
            let coordinator = try cluster.startCoordinator(
                [], extra: ["--paths", listing.path, "--base", nginx.baseURL, "--no-split-remote"])
            try cluster.startWorker(threads: 1)
            try cluster.startWorker(threads: 1)
            #expect(cluster.wait(coordinator) == 0, "\(cluster.allLogs)")
            for worker in cluster.workers { #expect(cluster.wait(worker, timeout: 20) == 0) }
            #expect(cluster.wait(cluster.collector!, timeout: 20) == 0)
            let written = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            #expect(written.count == crawl.urls.count, "nothing twice")
            #expect(Set(written) == crawl.urls, "nothing lost")
        }
    }

    @Test func answers503AreRetriedUntilTheServerServes() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [80])
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url, failFirst: 3)
            let overHTTP = try run(
                ["run", server.baseURL + crawl.files[0], "-o", dir.path("http").path, "--no-split-remote"],
                in: dir)
            #expect(
                overHTTP.stderr.contains("requests=4 retries=3 throttled=3"),
                "the input's fetch figures are logged")
            _ = try run(["run", crawl.paths[0], "-o", dir.path("local").path], in: dir)
            #expect(server.requests.map(\.status) == [503, 503, 503, 200])
            #expect(
                try RemoteCrawl.lines(dir.path("http"), readFrom: server.baseURL, folder: crawl.folder)
                    == RemoteCrawl.lines(dir.path("local"), folder: crawl.folder))
        }
    }

    @Test func aConnectionDroppedMidBodyResumesWithARange() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [80])
            let size = try FileManager.default.attributesOfItem(atPath: crawl.paths[0])[.size] as! Int
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url, dropFirst: 1)
            _ = try run(
                ["run", server.baseURL + crawl.files[0], "-o", dir.path("http").path, "--no-split-remote"],
                in: dir)
            _ = try run(["run", crawl.paths[0], "-o", dir.path("local").path], in: dir)
            let requests = server.requests
            #expect(requests.map(\.status) == [200, 206])
            #expect(requests.last?.range == "bytes=\(size / 2)-", "resumed from the first byte not read")
            let lines = try RemoteCrawl.lines(
                dir.path("http"), readFrom: server.baseURL, folder: crawl.folder)
            #expect(lines.count == 80)
            #expect(lines == (try RemoteCrawl.lines(dir.path("local"), folder: crawl.folder)))
        }
    }

    @Test func aFetchThatKeepsFailingKeepsWhatWasReadAndReportsTheRest() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [120])
            // Every request delivers half of what it is asked for, then the connection drops.
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url, dropFirst: 1_000)
            let outcome = try run(
                [
                    "run", server.baseURL + crawl.files[0], server.baseURL + "missing.warc.gz", "-o",
                    dir.path("http").path, "--fetch-attempts", "3", "--no-split-remote",
                ], in: dir)
            #expect(outcome.status == LocalRunTests.finishedWithFailures)
            #expect(outcome.stdout.contains("fetch: 2"), "\(outcome.stdout)")
            let output = OutputDirectory(url: dir.path("http"))
            let written = try output.records.compactMap { $0["url"] as? String }
            #expect(written.count > 60 && written.count < 120, "7/8 of the file was read: \(written.count)")
            #expect(Set(written).isSubset(of: crawl.urls))
            let failures = try output.deadLetters
            #expect(failures.count == 2)
            #expect(failures.allSatisfy { $0["stage"] as? String == "fetch" }, "\(failures)")
            let reasons = failures.compactMap { $0["reason"] as? String }.sorted()
            #expect(
                reasons.first { $0.contains("fetch failed after 1 attempt: http status 404") } != nil,
                "\(reasons)")
            #expect(
                reasons.first { $0.contains("fetch failed after 3 attempts: connection: ") } != nil,
                "\(reasons)")
            #expect(server.requests.filter { $0.path.hasPrefix("/crawl-") }.count == 3)
        }
    }

    @Test func theCoordinatorCountsRequestsRetriesAndThrottlingInItsMetricsAndStatus() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [40])
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url, failFirst: 2)
            let cluster = try LocalCluster(dir: dir)
            let metricsReservation = try ReservedPort()
            defer { metricsReservation.release() }
            let port = metricsReservation.port
            try cluster.startCollector()
            let coordinator = try cluster.startCoordinator(
                [server.baseURL + crawl.files[0]],
                extra: ["--keep-running", "--metrics-bind", "127.0.0.1:\(port)", "--no-split-remote"])
            try cluster.startWorker()
            #expect(cluster.waitUntil(timeout: 90) { cluster.committedRecords == 40 }, "\(cluster.allLogs)")
            let metrics = try Exposition(HTTPGet.fetch(port: port, path: "/metrics"))
            #expect(metrics.value("presswork_fetch_requests_total") == 3)
            #expect(metrics.value("presswork_fetch_retries_total") == 2)
            #expect(metrics.value("presswork_fetch_throttled_total") == 2)
            // The same figures per input in the status.
            let rows = try #require(
                cluster.status()?["remote_inputs"] as? [[String: Any]], "\(cluster.allLogs)")
            #expect(rows.count == 1)
            #expect(rows.first?["url"] as? String == server.baseURL + crawl.files[0])
            #expect(rows.first?["requests"] as? Int == 3)
            #expect(rows.first?["retries"] as? Int == 2)
            #expect(rows.first?["throttled"] as? Int == 2)
            #expect(rows.first?["done"] as? Bool == true)
            let size = try FileManager.default.attributesOfItem(atPath: crawl.paths[0])[.size] as? Int
            #expect(rows.first?["bytes_fetched"] as? Int == size)
            kill(coordinator.processIdentifier, SIGTERM)
            #expect(cluster.wait(coordinator, timeout: 30) == 0)
        }
    }
}
