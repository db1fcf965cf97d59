import Cluster
import Foundation

/// The human view of a `RunStatus`.
struct StatusTable {
    var status: RunStatus
    var endpoint: String

    var text: String {
        let s = status
        var lines = [
            "Presswork run at \(endpoint): \(s.state), \(Format.seconds(s.elapsedSeconds)) elapsed",
            "  articles: \(s.articlesCommitted) committed"
                + (s.articlesTotalEstimate.map { " of \(s.inputDone ? "" : "~")\($0)" } ?? "")
                + ", \(s.articlesFailed) failed, \(s.articlesInFlight) in flight, \(s.articlesQueued) queued",
            "  rate: \(Format.rate(s.recentArticlesPerSecond))/s (10 s), \(Format.rate(s.overallArticlesPerSecond))/s overall, "
                + String(format: "%.1f MB/s", s.megabytesPerSecond)
                + (s.etaSeconds.map { ", ETA \(Format.seconds($0))" } ?? ""),
            "  jobs: \(s.jobsCommitted) committed, \(s.jobsRetried) retried, \(s.jobsGivenUp) given up",
        ]
        if let c = s.collector {
            lines.append(
                "  collector: \(c.records) records, \(c.failures) failures, \(c.files) files, "
                    + "\(Format.bytes(Double(c.storedBytes))), \(c.duplicatesDropped) duplicates dropped")
        }
        lines.append("  workers: \(s.workers.count)")
        if !s.workers.isEmpty {
            lines.append(
                "    HOST                 PID      THREADS  HELD  DONE      FAILED  RATE/s  HEARTBEAT")
            for w in s.workers {
                let host = w.host.count > 20 ? String(w.host.prefix(20)) : w.host
                lines.append(
                    "    " + host.padding(toLength: 21, withPad: " ", startingAt: 0)
                        + "\(w.pid)".padding(toLength: 9, withPad: " ", startingAt: 0)
                        + "\(w.threads)".padding(toLength: 9, withPad: " ", startingAt: 0)
                        + "\(w.jobsHeld)".padding(toLength: 6, withPad: " ", startingAt: 0)
                        + "\(w.articlesDone)".padding(toLength: 10, withPad: " ", startingAt: 0)
                        + "\(w.articlesFailed)".padding(toLength: 8, withPad: " ", startingAt: 0)
                        + Format.rate(w.articlesPerSecond).padding(toLength: 8, withPad: " ", startingAt: 0)
                        + String(format: "%.1fs ago", w.lastHeartbeatSeconds))
            }
        }
        return lines.joined(separator: "\n")
    }
}
