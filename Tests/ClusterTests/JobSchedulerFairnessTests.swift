import Testing

@testable import Cluster

/// Credit and quarantine (issue 15, parts 1 and 3): a worker gets at most what its declared
/// threads allow, whatever it asks for, and one whose leases keep expiring stops getting jobs.
@Suite struct JobSchedulerFairnessTests {
    typealias Action = JobScheduler.Action

    func scheduler(lease: Duration = .seconds(30), attempts: Int = 3) -> JobScheduler {
        var settings = JobScheduler.Settings()
        settings.lease = lease
        settings.retry = RetryPolicy(maxAttempts: attempts)
        settings.creditPerThread = 4
        settings.quarantineAfterExpiries = 2
        return JobScheduler(settings: settings)
    }

    func dispatched(_ actions: [Action], to worker: String? = nil) -> [String] {
        actions.compactMap {
            if case .dispatch(let job, _, let to) = $0, worker == nil || to == worker { job } else { nil }
        }
    }

    @Test func hugeCreditNeitherTrapsNorBuysMoreThanTheThreadsAllow() {
        let clock = ManualClock()
        var s = scheduler()
        for n in 1...40 { s.enqueue("j\(n)") }
        let first = s.join("greedy", credit: .max, threads: 1, now: clock.now)
        #expect(dispatched(first).count == 4, "4 per declared thread")
        #expect(s.addCredit(.max, to: "greedy", now: clock.now).isEmpty, "no room left")
        #expect(s.credit(of: "greedy") == 0)
        _ = s.join("second", credit: .max, threads: .max, now: clock.now)
        #expect(s.credit(of: "second") <= s.settings.maxCreditPerWorker)
        #expect(s.addCredit(.max, to: "second", now: clock.now).isEmpty)
    }

    @Test func anHonestWorkerKeepsItsCreditWhileResultsAwaitTheirCommit() {
        let clock = ManualClock()
        var s = scheduler()
        for n in 1...6 { s.enqueue("j\(n)") }
        #expect(dispatched(s.join("w", credit: 2, threads: 1, now: clock.now)) == ["j1", "j2"])
        s.delivered("j1", by: "w")
        #expect(
            dispatched(s.addCredit(1, to: "w", now: clock.now)) == ["j3"], "a delivered job frees its slot")
        s.delivered("j2", by: "w")
        #expect(dispatched(s.addCredit(1, to: "w", now: clock.now)) == ["j4"])
    }

    @Test func aWorkerWhoseLeasesKeepExpiringIsQuarantined() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(5))
        for n in 1...8 { s.enqueue("j\(n)") }
        let taken = dispatched(s.join("sink", credit: 1_000_000, threads: 1, now: clock.now))
        #expect(taken.count == 4)
        clock.advance(.seconds(5))
        s.heard(from: "sink", now: clock.now)
        let actions = s.tick(now: clock.now)
        #expect(actions.contains(.quarantined(worker: "sink", expiries: 2)))
        #expect(s.isQuarantined("sink", now: clock.now))
        #expect(dispatched(actions, to: "sink").isEmpty, "no job goes back to it")
        #expect(s.addCredit(4, to: "sink", now: clock.now).isEmpty, "credit is kept, but no job")
        let honest = s.join("honest", credit: 8, threads: 2, now: clock.now)
        #expect(dispatched(honest).count == 8, "every job, each retried once at most")
        #expect(
            honest.allSatisfy {
                if case .dispatch(_, let attempt, _) = $0 { attempt <= 2 } else { true }
            })
    }

    @Test func aCommitResetsTheExpiryCountAndQuarantineEnds() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(5))
        for n in 1...4 { s.enqueue("j\(n)") }
        #expect(dispatched(s.join("w", credit: 1, threads: 1, now: clock.now)) == ["j1"])
        clock.advance(.seconds(5))
        s.heard(from: "w", now: clock.now)
        _ = s.tick(now: clock.now)  // j1 expires: one expiry
        #expect(dispatched(s.addCredit(1, to: "w", now: clock.now)) == ["j1"])
        s.delivered("j1", by: "w")
        s.committed("j1")  // its work got through: the count starts again
        #expect(dispatched(s.addCredit(1, to: "w", now: clock.now)) == ["j2"])
        clock.advance(.seconds(5))
        s.heard(from: "w", now: clock.now)
        var actions = s.tick(now: clock.now)  // j2 expires: one expiry again
        #expect(!actions.contains { if case .quarantined = $0 { true } else { false } })
        #expect(dispatched(s.addCredit(1, to: "w", now: clock.now)) == ["j2"])
        clock.advance(.seconds(5))
        s.heard(from: "w", now: clock.now)
        actions = s.tick(now: clock.now)  // two in a row: quarantined for a minute
        #expect(actions.contains(.quarantined(worker: "w", expiries: 2)))
        #expect(s.addCredit(1, to: "w", now: clock.now).isEmpty, "credit is kept, but no job")
        #expect(s.queuedCount == 3, "nobody else to take j2, j3, j4")
        for _ in 0..<59 {
            clock.advance(.seconds(1))
            s.heard(from: "w", now: clock.now)
            #expect(dispatched(s.tick(now: clock.now)).isEmpty)
        }
        clock.advance(.seconds(1))
        s.heard(from: "w", now: clock.now)
        #expect(dispatched(s.tick(now: clock.now)) == ["j2"], "a quarantine ends: the run never stalls")
    }

    @Test func aWorkerThatClaimsDeliveryButIsNeverCommittedIsQuarantinedToo() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(5))
        for n in 1...4 { s.enqueue("j\(n)") }
        _ = s.join("liar", credit: 2, threads: 1, now: clock.now)
        s.delivered("j1", by: "liar")
        s.delivered("j2", by: "liar")
        clock.advance(.seconds(5))
        s.heard(from: "liar", now: clock.now)
        #expect(s.tick(now: clock.now).contains(.quarantined(worker: "liar", expiries: 2)))
    }
}
