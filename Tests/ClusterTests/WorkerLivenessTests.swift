import Testing

@testable import Cluster

@Suite struct WorkerLivenessTests {
    @Test func silentForThreeIntervalsIsDead() {
        var clock = ManualClock()
        var liveness = WorkerLiveness(interval: .milliseconds(500), liveness: 3)
        liveness.heard(from: "w1", at: clock.now)
        liveness.heard(from: "w2", at: clock.now)
        clock.advance(.milliseconds(1_000))
        liveness.heard(from: "w2", at: clock.now)
        clock.advance(.milliseconds(500))
        #expect(liveness.reapDead(now: clock.now).isEmpty, "exactly 3 intervals is not yet dead")
        clock.advance(.milliseconds(1))
        #expect(liveness.reapDead(now: clock.now) == ["w1"])
        #expect(liveness.alive == ["w2"])
        clock.advance(.milliseconds(1_000))
        #expect(liveness.reapDead(now: clock.now) == ["w2"])
        #expect(liveness.alive.isEmpty)
    }

    @Test func forgottenPeersAreNotReportedDead() {
        var liveness = WorkerLiveness(interval: .milliseconds(100), liveness: 3)
        liveness.heard(from: "w1", at: Moment(nanoseconds: 0))
        liveness.forget("w1")
        #expect(liveness.reapDead(now: Moment(nanoseconds: 10_000_000_000)).isEmpty)
    }
}
