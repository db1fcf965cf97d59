import Testing

@testable import Cluster

/// A split job holds thousands of articles: its lease is a multiple of `--lease`, so a worker that
/// is still reading it (and heart-beating) does not lose it to an expiry meant for a batch.
@Suite struct SplitLeaseTests {
    @Test func aJobWithALeaseFactorExpiresThatManyLeasesLater() {
        var clock = ManualClock()
        var settings = JobScheduler.Settings()
        settings.lease = .seconds(30)
        settings.heartbeatInterval = .seconds(1_000)
        var scheduler = JobScheduler(settings: settings)
        scheduler.enqueue("batch")
        scheduler.enqueue("split", leaseFactor: 4)
        _ = scheduler.join("w1", credit: 2, now: clock.now)
        clock.advance(.seconds(31))
        let first = scheduler.tick(now: clock.now)
        #expect(
            first.contains(.requeued(job: "batch", failedAttempt: 1, reason: "lease expired on worker w1")))
        #expect(!first.contains { if case .requeued(job: "split", _, _) = $0 { true } else { false } })
        clock.advance(.seconds(90))
        let later = scheduler.tick(now: clock.now)
        #expect(
            later.contains(.requeued(job: "split", failedAttempt: 1, reason: "lease expired on worker w1")))
    }

    @Test func theCoordinatorGivesSplitsOneLeasePerTwoMegabytes() {
        var job = JobContent(
            id: "job-0000001", number: 1, articles: [], bodies: [], failures: [], bodyBytes: 0)
        #expect(Coordinator.leaseFactor(of: job) == 1)
        job.split = .init(
            path: "a.warc.gz", file: "/a.warc.gz", offset: 0, length: 64 << 20, fileSize: 1 << 30)
        #expect(Coordinator.leaseFactor(of: job) == 32)
        job.split?.length = 1_000
        #expect(Coordinator.leaseFactor(of: job) == 1)
    }
}
