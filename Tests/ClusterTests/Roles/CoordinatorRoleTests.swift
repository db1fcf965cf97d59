import Foundation
import TestExecutors
import TestSupport
import Testing

@testable import Cluster

/// The coordinator as an object of this process, against workers the test speaks for over real
/// ipc:// sockets, with time moved by hand: credit, leases and heartbeats at their edges.
@Suite(.timeLimit(.minutes(1))) struct CoordinatorRoleTests {
    /// A coordinator of 48 articles in jobs of 4 (no collector: nothing is committed).
    func startCoordinator(
        _ cluster: InProcessCluster, _ configure: (inout CoordinatorSettings) -> Void = { _ in }
    ) throws -> RoleThread<RunStatus> {
        let input = try cluster.scrape(count: 48)
        var settings = cluster.coordinatorSettings(inputs: [input.path], batch: 4)
        configure(&settings)
        return try cluster.start(settings)
    }

    @Test func jobsGoOutOnlyAgainstCreditAndNeverPastTheCapPerThread() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            _ = try startCoordinator(cluster)
            let worker = try ScriptedWorker("w-credit", coordinator: cluster.coordinatorEndpoint)
            try worker.hello(credit: 2)
            let first = try worker.jobsSoFar()
            #expect(first.count == 2)
            #expect(try worker.jobsSoFar().isEmpty, "nothing more without credit")
            try worker.credit(1)
            #expect(try worker.jobsSoFar().count == 1)
            // One thread declared: at most four undelivered jobs (creditPerThread), whatever it asks.
            try worker.credit(100)
            #expect(try worker.jobsSoFar().count == 1)
            #expect(try worker.jobsSoFar().isEmpty)
            // A job delivered to the collector frees its place.
            try worker.credit(1, done: try #require(first.first).job)
            #expect(try worker.jobsSoFar().count == 1)
        }
    }

    @Test func aJobWhoseLeaseExpiresGoesOutAgainAsItsNextAttempt() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            _ = try startCoordinator(cluster) {
                $0.scheduler.lease = .seconds(10)
                $0.scheduler.heartbeatLiveness = 10_000  // silence alone never ends this worker
            }
            let worker = try ScriptedWorker("w-slow", coordinator: cluster.coordinatorEndpoint)
            try worker.hello(credit: 1)
            let job = try #require(try worker.jobsSoFar().first)
            #expect(job.attempt == 1)
            cluster.clock.advance(.seconds(9))
            try worker.credit(0)
            #expect(try worker.jobsSoFar().isEmpty)
            #expect(cluster.status()?.jobsRetried == 0, "the lease still runs")
            cluster.clock.advance(.seconds(2))
            #expect(cluster.waitForStatus { $0.jobsRetried == 1 }, "\(String(describing: cluster.status()))")
            try worker.credit(1)
            let again = try worker.jobsSoFar()
            #expect(again.map(\.job) == [job.job], "a retry goes out before new jobs")
            #expect(again.first?.attempt == 2)
        }
    }

    @Test func aWorkerThatStopsHeartBeatingIsDeadAndItsJobGoesToOneThatDoes() async throws {
        try await DedicatedThreads.run {
            let cluster = try InProcessCluster()
            _ = try startCoordinator(cluster)
            let silent = try ScriptedWorker("w-silent", coordinator: cluster.coordinatorEndpoint)
            try silent.hello(credit: 1)
            let job = try #require(try silent.jobsSoFar().first)
            let steady = try ScriptedWorker("w-steady", coordinator: cluster.coordinatorEndpoint)
            try steady.hello(credit: 0)
            // 0.6 s at a time: the steady worker's heartbeat is handled before time moves on (its
            // `jobsSoFar` waits for that), so it is never silent longer than 0.6 s; the other one
            // says nothing for 2.4 s, past three heartbeats of 0.5 s.
            for _ in 0..<4 {
                cluster.clock.advance(.milliseconds(600))
                try steady.heartbeat()
                #expect(try steady.jobsSoFar().isEmpty)
            }
            #expect(
                cluster.waitForStatus { $0.workers.map(\.id) == ["w-steady"] && $0.jobsRetried == 1 },
                "\(String(describing: cluster.status()))")
            try steady.credit(1)
            let taken = try steady.jobsSoFar()
            #expect(taken.map(\.job) == [job.job])
            #expect(taken.first?.attempt == 2)
        }
    }
}
