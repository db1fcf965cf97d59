import Testing

@testable import Cluster

@Suite struct WorkerQuarantineTests {
    @Test func periodsDoubleAndACommitEndsThem() {
        var clock = ManualClock()
        var q = WorkerQuarantine(threshold: 2, firstPeriod: .seconds(10), longestPeriod: .seconds(25))
        #expect(q.leaseExpired(heldBy: "w", now: clock.now) == nil)
        #expect(q.leaseExpired(heldBy: "w", now: clock.now) == 2)
        #expect(q.isQuarantined("w", now: clock.now))
        #expect(q.leaseExpired(heldBy: "w", now: clock.now) == nil, "expiries while set aside do not count")
        clock.advance(.seconds(10))
        #expect(!q.isQuarantined("w", now: clock.now))
        #expect(q.leaseExpired(heldBy: "w", now: clock.now) == 2, "one more expiry sends it back")
        clock.advance(.seconds(19))
        #expect(q.isQuarantined("w", now: clock.now), "twice as long the second time")
        clock.advance(.seconds(1))
        #expect(!q.isQuarantined("w", now: clock.now))
        _ = q.leaseExpired(heldBy: "w", now: clock.now)
        clock.advance(.seconds(25))
        #expect(!q.isQuarantined("w", now: clock.now), "never longer than the longest period")
        _ = q.leaseExpired(heldBy: "w", now: clock.now)
        q.committed(heldBy: "w")
        #expect(!q.isQuarantined("w", now: clock.now))
        #expect(q.leaseExpired(heldBy: "w", now: clock.now) == nil, "the count started again")
    }
}
