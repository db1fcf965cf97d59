import ArgumentParser
import Cluster
import Foundation
import Testing

@testable import presswork

/// The closing summary checks articles in = records written + failures, and a run whose figures
/// do not add up does not exit 0 (issue 15: a run once ended "in 300 / written 292 / failures 0"
/// with exit 0 and `_SUCCESS`).
@Suite struct RunAccountingTests {
    func status(read: Int, records: Int, failures: Int, state: String = "finished") throws -> RunStatus {
        let object: [String: Any] = [
            "state": state, "elapsedSeconds": 3, "articlesRead": read, "articlesCommitted": read,
            "articlesFailed": failures, "articlesInFlight": 0, "articlesQueued": 0, "inputDone": true,
            "inputBytesRead": 1, "recentArticlesPerSecond": 1, "overallArticlesPerSecond": 1,
            "megabytesPerSecond": 1, "jobsCommitted": 1, "jobsRetried": 0, "jobsGivenUp": 0, "workers": [],
            "inputSkipped": ["request": 300],
            "collector": [
                "records": records, "failures": failures, "storedBytes": 10, "files": 1,
                "duplicatesDropped": 0,
                "committedJobs": 1, "failuresByStage": [:] as [String: Int],
            ],
        ]
        return try JSONDecoder().decode(RunStatus.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func aRunThatLostArticlesExitsNonZeroAndSaysSo() throws {
        let lost = try status(read: 300, records: 292, failures: 0)
        #expect(RunSummary.exitCode(for: lost) == PressworkExit.fatal)
        let text = RunSummary(status: lost, wallSeconds: 1, output: nil).text
        #expect(text.contains("300 articles in, but 292 written + 0 failed"))
    }

    @Test func aRunThatAddsUpExitsAsBefore() throws {
        #expect(
            RunSummary.exitCode(for: try status(read: 300, records: 300, failures: 0))
                == PressworkExit.success)
        #expect(
            RunSummary.exitCode(for: try status(read: 300, records: 290, failures: 10))
                == PressworkExit.finishedWithFailures, "records that are not articles are not counted in")
        #expect(
            RunSummary.accountingMismatch(try status(read: 300, records: 1, failures: 0, state: "draining"))
                == nil)
    }
}
