import Cluster
import Foundation
import Testing

@testable import presswork

/// The status view: stragglers marked, colour only when asked for.
@Suite struct StatusTableTests {
    func row(_ id: String, rate: Double, heartbeat: Double) -> [String: Any] {
        [
            "id": id, "host": "host-\(id)", "pid": 100, "threads": 2, "jobsHeld": 1, "articlesDone": 500,
            "articlesFailed": 0, "articlesPerSecond": rate, "lastHeartbeatSeconds": heartbeat,
        ]
    }

    /// A status as the coordinator sends it (decoded from its wire form, like `status` does).
    func status(_ workers: [[String: Any]], extra: [String: Any] = [:]) throws -> RunStatus {
        var object: [String: Any] = [
            "state": "running", "elapsedSeconds": 30, "articlesRead": 2_000, "articlesCommitted": 1_500,
            "articlesFailed": 3, "articlesInFlight": 64, "articlesQueued": 128,
            "articlesTotalEstimate": 4_000,
            "inputDone": false, "inputBytesRead": 1, "inputBytesTotal": 2, "recentArticlesPerSecond": 50,
            "overallArticlesPerSecond": 50, "megabytesPerSecond": 1, "etaSeconds": 50, "jobsCommitted": 20,
            "jobsRetried": 1, "jobsGivenUp": 0, "workers": workers, "inputSkipped": ["request": 3],
        ]
        object.merge(extra) { $1 }
        return try JSONDecoder().decode(RunStatus.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func slowAndSilentWorkersAreMarked() throws {
        let rows = [
            row("a", rate: 40, heartbeat: 0.2), row("b", rate: 42, heartbeat: 0.1),
            row("c", rate: 10, heartbeat: 0.3), row("d", rate: 41, heartbeat: 1.3),
        ]
        let notes = StatusTable.stragglers(try status(rows).workers)
        #expect(notes == ["c": "slow", "d": "silent"])
    }

    @Test func tableShowsTotalsEtaAndColoursOnlyStragglers() throws {
        let workers = [row("a", rate: 40, heartbeat: 0.2), row("b", rate: 5, heartbeat: 0.2)]
        let plain = StatusTable(status: try status(workers), endpoint: "tcp://h:5557").text
        #expect(plain.contains("1500 committed of ~4000"))
        #expect(plain.contains("ETA 50.0s"))
        #expect(plain.contains("slow"))
        #expect(!plain.contains("\u{1B}["), "no escape codes unless asked")
        let coloured = StatusTable(status: try status(workers), endpoint: "tcp://h:5557", color: true).text
        let lines = coloured.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("\u{1B}[33m") }.count == 1, "only the straggler's row")
    }

    /// Refused connections show only when there are some (older coordinators send none).
    @Test func refusedConnectionsAreShownWhenThereAreSome() throws {
        let quiet = StatusTable(status: try status([]), endpoint: "tcp://h:5557").text
        #expect(!quiet.contains("connections refused"))
        let collector: [String: Any] = [
            "records": 1, "failures": 0, "storedBytes": 0, "files": 1, "duplicatesDropped": 0,
            "committedJobs": 1, "failuresByStage": [String: Int](), "connectionsRefused": 3,
        ]
        let busy = try status([], extra: ["connectionsRefused": 1_000, "collector": collector])
        #expect(
            StatusTable(status: busy, endpoint: "tcp://h:5557").text.contains(
                "connections refused over the caps: 1000 by the coordinator, 3 by the collector"))
    }
}
