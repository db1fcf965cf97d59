import Foundation
import TestSupport
import Testing

/// `presswork run` reads its settings like every other subcommand: flags, then `PRESSWORK_*`
/// environment variables, then the `--config` file; the logging options too.
@Suite(.serialized) struct RunSettingsTests {
    /// A config file naming the output, the shards and the logging; a flag given too wins over it.
    @Test func runTakesItsOptionsFromAConfigFileAndFlagsWin() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let samples = PressworkBinary.repositoryRoot.appendingPathComponent("tools/sample-pages")
            let out = dir.path("out")
            let config = dir.path("run.conf")
            try """
            # the run's settings
            output = \(out.path)
            PRESSWORK_SHARDS = 2
            compression = none
            quiet = true
            log-level = info
            log_format = json
            """.write(to: config, atomically: true, encoding: .utf8)

            let outcome = try PressworkBinary.run(
                ["run", samples.path, "--config", config.path], in: dir.url)
            #expect([0, 2].contains(outcome.status), "\(outcome.stderr)")
            let output = OutputDirectory(url: out)
            #expect(output.files.contains("shard-00000-of-00002.jsonl"), "\(output.files)")
            #expect(output.files.contains("_SUCCESS"))
            let logLines = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("{") }
            #expect(!logLines.isEmpty, "info logs in JSON: \(outcome.stderr.prefix(500))")
            let progress = outcome.stderr.split(separator: "\n").filter {
                !$0.hasPrefix("{") && $0.contains("MB/s")
            }
            #expect(progress.isEmpty, "no progress line: quiet came from the file")

            let flagged = dir.path("flagged")
            let second = try PressworkBinary.run(
                ["run", samples.path, "--config", config.path, "-o", flagged.path, "--shards", "3"],
                in: dir.url)
            #expect([0, 2].contains(second.status), "\(second.stderr)")
            #expect(OutputDirectory(url: flagged).files.contains("shard-00002-of-00003.jsonl"))
        }
    }

    @Test func aBadValueInTheConfigFileIsAUsageError() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let config = dir.path("bad.conf")
            try "workers = many\n".write(to: config, atomically: true, encoding: .utf8)
            let outcome = try PressworkBinary.run(
                ["run", "x", "-o", dir.path("o").path, "--config", config.path], in: dir.url)
            #expect(outcome.status == 64)
            #expect(outcome.stderr.contains("workers must be a whole number"), "\(outcome.stderr)")
        }
    }

    @Test func conflictingOrBadRemoteSplitAndCdxJobSettingsAreUsageErrors() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            for (arguments, environment, message) in [
                (["--split-remote", "--no-split-remote"], [:], "give --split-remote or --no-split-remote"),
                ([], ["PRESSWORK_SPLIT_REMOTE": "maybe"], "split-remote must be true or false"),
                (["--cdx", "index.cdxj", "--cdx-job-records", "0"], [:], "cdx-job-records must be 1…10000"),
                (["--cdx", "index.cdxj", "--cdx-job-mb", "0"], [:], "cdx-job-mb must be"),
            ] {
                let outcome = try PressworkBinary.run(
                    ["run", "x.warc.gz", "-o", dir.path("o").path] + arguments, in: dir.url,
                    environment: environment)
                #expect(outcome.status == 64, "\(arguments) \(environment): \(outcome.stderr)")
                #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
            }
        }
    }

    /// Remote `.warc.gz` inputs are split jobs unless the setting says no (here from the
    /// environment): then the coordinator streams the file with one GET and no HEAD.
    @Test func remoteSplitsAreTheDefaultAndTheEnvironmentCanTurnThemOff() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let crawl = try RemoteCrawl.generate(in: dir.path("www"), counts: [40])
            let server = try FaultyHTTPServer(serving: crawl.folder, logs: dir.url)
            let url = server.baseURL + crawl.files[0]
            let split = try PressworkBinary.run(["run", url, "-o", dir.path("split").path], in: dir.url)
            #expect(split.status == 0, "\(split.stderr)")
            let splitRequests = server.requests
            #expect(splitRequests.first?.range == "HEAD", "\(splitRequests)")
            #expect(splitRequests.dropFirst().allSatisfy { $0.status == 206 }, "\(splitRequests)")
            let streamed = try PressworkBinary.run(
                ["run", url, "-o", dir.path("streamed").path], in: dir.url,
                environment: ["PRESSWORK_SPLIT_REMOTE": "false"])
            #expect(streamed.status == 0, "\(streamed.stderr)")
            let streamedRequests = server.requests.dropFirst(splitRequests.count)
            #expect(streamedRequests.map(\.range) == ["-"] && streamedRequests.map(\.status) == [200])
            #expect(
                try CdxSelectionRunTests.recordLines(dir.path("split"))
                    == CdxSelectionRunTests.recordLines(dir.path("streamed")))
        }
    }
}
