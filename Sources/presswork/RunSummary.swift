import ArgumentParser
import Cluster
import Foundation

/// The final summary of a run, as people read it.
struct RunSummary {
    var status: RunStatus
    var wallSeconds: Double
    var output: String?

    var text: String {
        let collector = status.collector ?? CollectorFigures()
        var lines = [
            "Presswork run \(status.state) in \(Format.seconds(wallSeconds))",
            "  articles in:      \(status.articlesRead)",
            "  records written:  \(collector.records)",
            "  failures:         \(collector.failures)",
        ]
        for (stage, count) in collector.failuresByStage.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(stage): \(count)")
        }
        let skipped = status.inputSkipped.values.reduce(0, +)
        if skipped > 0 {
            let reasons = status.inputSkipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            lines.append("  not articles:     \(skipped) (\(reasons.joined(separator: ", ")))")
        }
        lines += [
            "  shards:           \(collector.files) files, \(Format.bytes(Double(collector.storedBytes)))",
            "  throughput:       \(Format.rate(status.overallArticlesPerSecond)) articles/s, "
                + "\(String(format: "%.1f", status.megabytesPerSecond)) MB/s of input",
        ]
        if status.jobsRetried > 0 || status.jobsGivenUp > 0 {
            lines.append("  jobs retried:     \(status.jobsRetried), given up: \(status.jobsGivenUp)")
        }
        if collector.duplicatesDropped > 0 {
            lines.append("  duplicates dropped: \(collector.duplicatesDropped)")
        }
        if let output { lines.append("  output:           \(output)") }
        if let mismatch = Self.accountingMismatch(status) { lines.append("  ERROR: \(mismatch)") }
        return lines.joined(separator: "\n")
    }

    /// Why a finished run's figures do not add up (articles in ≠ records written + failures), or
    /// nil when they do. Records that are not articles (`not articles`) are never counted in.
    static func accountingMismatch(_ status: RunStatus) -> String? {
        guard status.state == "finished" else { return nil }
        let collector = status.collector ?? CollectorFigures()
        let accounted = collector.records + collector.failures
        guard accounted != status.articlesRead else { return nil }
        return "\(status.articlesRead) articles in, but \(collector.records) written + \(collector.failures) "
            + "failed = \(accounted): articles were lost or duplicated"
    }

    /// 0 when everything was written, 2 when some articles failed, 1 when the run did not finish or
    /// its figures do not add up.
    static func exitCode(for status: RunStatus) -> ExitCode {
        guard status.state == "finished", accountingMismatch(status) == nil else {
            return PressworkExit.fatal
        }
        return (status.collector?.failures ?? 0) > 0
            ? PressworkExit.finishedWithFailures : PressworkExit.success
    }
}

/// Number formatting for people.
enum Format {
    static func seconds(_ value: Double) -> String {
        if value < 60 { return String(format: "%.1fs", value) }
        let total = Int(value.rounded())
        if total < 3_600 { return "\(total / 60)m\(String(format: "%02d", total % 60))s" }
        return "\(total / 3_600)h\(String(format: "%02d", total % 3_600 / 60))m"
    }

    static func bytes(_ value: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = value
        var unit = 0
        while v >= 1_000 && unit < units.count - 1 {
            v /= 1_000
            unit += 1
        }
        return unit == 0 ? "\(Int(v)) B" : String(format: "%.1f", v) + " " + units[unit]
    }

    static func rate(_ value: Double) -> String {
        value >= 100 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }
}
