import Cluster
import Foundation

/// The human view of a `RunStatus`.
struct StatusTable {
    var status: RunStatus
    var endpoint: String
    /// Highlight stragglers with ANSI colour (when printing to a terminal).
    var color = false

    /// Workers that lag: silent for more than two heartbeats, or under half the median rate once
    /// the others are busy. Returns a note per worker id.
    static func stragglers(_ workers: [RunStatus.WorkerRow]) -> [String: String] {
        let rates = workers.map(\.articlesPerSecond).sorted()
        let median = rates.isEmpty ? 0 : rates[rates.count / 2]
        var notes: [String: String] = [:]
        for worker in workers {
            if worker.lastHeartbeatSeconds > 1.0 {
                notes[worker.id] = "silent"
            } else if workers.count > 1 && median > 1 && worker.articlesPerSecond < median / 2 {
                notes[worker.id] = "slow"
            }
        }
        return notes
    }

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
        let refused = (
            coordinator: s.connectionsRefused ?? 0, collector: s.collector?.connectionsRefused ?? 0
        )
        if refused.coordinator > 0 || refused.collector > 0 {
            lines.append(
                "  connections refused over the caps: \(refused.coordinator) by the coordinator, "
                    + "\(refused.collector) by the collector")
        }
        lines.append("  workers: \(s.workers.count)")
        if !s.workers.isEmpty {
            lines.append(
                "    HOST                 PID      THREADS  HELD  DONE      FAILED  RATE/s  HEARTBEAT  NOTE")
            let stragglers = Self.stragglers(s.workers)
            for w in s.workers {
                let host = w.host.count > 20 ? String(w.host.prefix(20)) : w.host
                let note = stragglers[w.id] ?? ""
                var row =
                    "    " + host.padding(toLength: 21, withPad: " ", startingAt: 0)
                    + "\(w.pid)".padding(toLength: 9, withPad: " ", startingAt: 0)
                    + "\(w.threads)".padding(toLength: 9, withPad: " ", startingAt: 0)
                    + "\(w.jobsHeld)".padding(toLength: 6, withPad: " ", startingAt: 0)
                    + "\(w.articlesDone)".padding(toLength: 10, withPad: " ", startingAt: 0)
                    + "\(w.articlesFailed)".padding(toLength: 8, withPad: " ", startingAt: 0)
                    + Format.rate(w.articlesPerSecond).padding(toLength: 8, withPad: " ", startingAt: 0)
                    + String(format: "%.1fs ago", w.lastHeartbeatSeconds).padding(
                        toLength: 11, withPad: " ", startingAt: 0)
                    + note
                if color && !note.isEmpty { row = "\u{1B}[33m" + row + "\u{1B}[0m" }
                lines.append(row)
            }
        }
        return lines.joined(separator: "\n")
    }
}
