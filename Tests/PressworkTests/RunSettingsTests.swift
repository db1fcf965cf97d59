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
}
