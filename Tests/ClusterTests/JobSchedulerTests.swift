import Testing

@testable import Cluster

@Suite struct JobSchedulerTests {
    typealias Action = JobScheduler.Action

    func scheduler(lease: Duration = .seconds(30), attempts: Int = 3) -> JobScheduler {
        var settings = JobScheduler.Settings()
        settings.lease = lease
        settings.retry = RetryPolicy(maxAttempts: attempts)
        settings.heartbeatInterval = .milliseconds(500)
        settings.heartbeatLiveness = 3
        return JobScheduler(settings: settings)
    }

    func dispatched(_ actions: [Action]) -> [String] {
        actions.compactMap { if case .dispatch(let job, _, _) = $0 { job } else { nil } }
    }

    @Test func jobsGoOnlyAgainstCredit() {
        var clock = ManualClock()
        var s = scheduler()
        for n in 1...5 { s.enqueue("j\(n)") }
        #expect(s.tick(now: clock.now).isEmpty, "no worker, no dispatch")
        let first = s.join("w1", credit: 2, now: clock.now)
        #expect(dispatched(first) == ["j1", "j2"])
        #expect(s.credit(of: "w1") == 0)
        #expect(s.queuedCount == 3)
        clock.advance(.milliseconds(10))
        #expect(s.tick(now: clock.now).isEmpty, "no credit left")
        #expect(dispatched(s.addCredit(1, to: "w1", now: clock.now)) == ["j3"])
        #expect(s.leasedCount == 3)
    }

    @Test func workWithMoreCreditFirstAndNewWorkersGetWorkAtOnce() {
        let clock = ManualClock()
        var s = scheduler()
        for n in 1...4 { s.enqueue("j\(n)") }
        _ = s.join("w1", credit: 1, now: clock.now)
        let actions = s.join("w2", credit: 3, now: clock.now)
        #expect(
            actions == [
                .dispatch(job: "j2", attempt: 1, worker: "w2"),
                .dispatch(job: "j3", attempt: 1, worker: "w2"),
                .dispatch(job: "j4", attempt: 1, worker: "w2"),
            ])
    }

    @Test func committedJobsAreDoneAndUnknownCommitsAreReported() {
        let clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        _ = s.join("w1", credit: 1, now: clock.now)
        let first = s.committed("j1")
        let second = s.committed("j1")
        #expect(first)
        #expect(!second)
        #expect(s.openCount == 0)
        #expect(s.leasedCount == 0)
    }

    @Test func expiredLeaseIsRequeuedAtTheFrontAndRetried() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(5))
        s.enqueue("j1")
        s.enqueue("j2")
        _ = s.join("w1", credit: 1, now: clock.now)
        _ = s.join("w2", credit: 0, now: clock.now)
        clock.advance(.seconds(4))
        s.heard(from: "w1", now: clock.now)
        s.heard(from: "w2", now: clock.now)
        #expect(s.tick(now: clock.now).isEmpty)
        clock.advance(.seconds(1))
        s.heard(from: "w1", now: clock.now)
        s.heard(from: "w2", now: clock.now)
        let actions = s.tick(now: clock.now)
        #expect(actions == [.requeued(job: "j1", failedAttempt: 1, reason: "lease expired on worker w1")])
        let retry = s.addCredit(1, to: "w2", now: clock.now)
        #expect(retry == [.dispatch(job: "j1", attempt: 2, worker: "w2")], "the retry goes before j2")
    }

    @Test func deadWorkerLosesItsJobsAtOnce() {
        var clock = ManualClock()
        var s = scheduler()
        for n in 1...3 { s.enqueue("j\(n)") }
        _ = s.join("w1", credit: 2, now: clock.now)
        _ = s.join("w2", credit: 0, now: clock.now)
        clock.advance(.milliseconds(1_400))
        s.heard(from: "w2", now: clock.now)
        _ = s.addCredit(1, to: "w2", now: clock.now)  // takes j3
        clock.advance(.milliseconds(200))
        let actions = s.tick(now: clock.now)
        #expect(actions.first == .workerDead(worker: "w1"))
        #expect(
            actions.contains(.requeued(job: "j1", failedAttempt: 1, reason: "worker w1 stopped responding")))
        #expect(
            actions.contains(.requeued(job: "j2", failedAttempt: 1, reason: "worker w1 stopped responding")))
        #expect(s.workers == ["w2"])
        #expect(s.queuedCount == 2)
        #expect(dispatched(s.addCredit(2, to: "w2", now: clock.now)).sorted() == ["j1", "j2"])
    }

    @Test func givesUpAfterMaxAttempts() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(1), attempts: 2)
        s.enqueue("j1")
        _ = s.join("w1", credit: 5, now: clock.now)
        #expect(
            s.failed("j1", reason: "boom", now: clock.now).first
                == .requeued(
                    job: "j1", failedAttempt: 1, reason: "boom"))
        #expect(s.leasedCount == 1, "re-dispatched at once to the worker with credit")
        clock.advance(.milliseconds(1_001))
        s.heard(from: "w1", now: clock.now)
        let actions = s.tick(now: clock.now)
        #expect(actions == [.giveUp(job: "j1", attempts: 2, reason: "lease expired on worker w1")])
        #expect(s.openCount == 0)
        #expect(s.queuedCount == 0)
    }

    @Test func workerThatLeavesReturnsItsJobs() {
        let clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        _ = s.join("w1", credit: 1, now: clock.now)
        _ = s.join("w2", credit: 1, now: clock.now)
        let actions = s.remove("w1", reason: "worker w1 left", now: clock.now)
        #expect(
            actions == [
                .requeued(job: "j1", failedAttempt: 1, reason: "worker w1 left"),
                .dispatch(job: "j1", attempt: 2, worker: "w2"),
            ])
        #expect(!s.knows("w1"))
    }

    @Test func jobCommittedWhileQueuedIsNotDispatched() {
        var clock = ManualClock()
        var s = scheduler(lease: .seconds(1))
        s.enqueue("j1")
        _ = s.join("w1", credit: 1, now: clock.now)
        clock.advance(.seconds(2))
        s.heard(from: "w1", now: clock.now)
        _ = s.tick(now: clock.now)  // lease expired: j1 queued again
        let known = s.committed("j1")
        #expect(known, "the slow worker's result was committed after all")
        #expect(s.addCredit(1, to: "w1", now: clock.now).isEmpty)
        #expect(s.queuedCount == 0)
    }
}
