import Testing

@testable import Cluster

/// Draining workers, delivered results, collector restarts and pausing.
@Suite struct JobSchedulerLifecycleTests {
    func scheduler() -> JobScheduler {
        var settings = JobScheduler.Settings()
        settings.lease = .seconds(10)
        return JobScheduler(settings: settings)
    }

    @Test func drainingWorkerGetsNoMoreJobsButKeepsItsOwn() {
        let clock = ManualClock()
        var s = scheduler()
        for n in 1...4 { s.enqueue("j\(n)") }
        _ = s.join("w1", credit: 2, now: clock.now)
        s.drain("w1", now: clock.now)
        let ignored = s.addCredit(5, to: "w1", now: clock.now)
        #expect(ignored.isEmpty)
        #expect(s.jobs(heldBy: "w1") == ["j1", "j2"])
        #expect(s.queuedCount == 2)
        let second = s.join("w2", credit: 2, now: clock.now)
        #expect(second.count == 2, "another worker takes the rest")
    }

    @Test func deliveredJobsSurviveTheirWorkerLeaving() {
        let clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        s.enqueue("j2")
        _ = s.join("w1", credit: 2, now: clock.now)
        s.delivered("j1", by: "w1")
        let actions = s.remove("w1", reason: "worker w1 left", now: clock.now)
        #expect(actions == [.requeued(job: "j2", failedAttempt: 1, reason: "worker w1 left")])
        #expect(s.isLeased("j1"), "its result is with the collector: only the commit is due")
        let known = s.committed("j1")
        #expect(known)
    }

    @Test func onlyTheHolderCanDeliver() {
        let clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        _ = s.join("w1", credit: 1, now: clock.now)
        s.delivered("j1", by: "w2")
        let actions = s.remove("w1", reason: "gone", now: clock.now)
        #expect(actions == [.requeued(job: "j1", failedAttempt: 1, reason: "gone")])
    }

    @Test func collectorRestartRerunsDeliveredJobsWithoutUsingAnAttempt() {
        let clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        s.enqueue("j2")
        _ = s.join("w1", credit: 2, now: clock.now)
        s.delivered("j1", by: "w1")
        let actions = s.collectorRestarted(now: clock.now)
        #expect(actions == [.requeued(job: "j1", failedAttempt: 1, reason: "collector restarted")])
        #expect(s.isLeased("j2"), "undelivered jobs are untouched")
        let again = s.addCredit(1, to: "w1", now: clock.now)
        #expect(again == [.dispatch(job: "j1", attempt: 1, worker: "w1")])
    }

    @Test func pausedSchedulerHoldsQueuedJobs() {
        var clock = ManualClock()
        var s = scheduler()
        s.enqueue("j1")
        s.setPaused(true)
        let joined = s.join("w1", credit: 3, now: clock.now)
        #expect(joined.isEmpty)
        clock.advance(.milliseconds(100))
        s.heard(from: "w1", now: clock.now)
        let paused = s.tick(now: clock.now)
        #expect(paused.isEmpty)
        s.setPaused(false)
        let resumed = s.tick(now: clock.now)
        #expect(resumed == [.dispatch(job: "j1", attempt: 1, worker: "w1")])
    }
}
