import Testing

@testable import Cluster

@Suite struct LeaseTableTests {
    @Test func grantReleaseAndHolders() {
        var table = LeaseTable()
        let t0 = Moment(nanoseconds: 0)
        table.grant(job: "a", to: "w1", attempt: 1, deadline: t0 + .seconds(10))
        table.grant(job: "b", to: "w1", attempt: 1, deadline: t0 + .seconds(10))
        table.grant(job: "c", to: "w2", attempt: 2, deadline: t0 + .seconds(10))
        #expect(table.count == 3)
        #expect(table.jobs(heldBy: "w1") == ["a", "b"])
        #expect(table.release("a")?.worker == "w1")
        #expect(table.release("a") == nil)
        #expect(table.jobs(heldBy: "w1") == ["b"])
        #expect(table.lease(of: "c")?.attempt == 2)
    }

    @Test func regrantMovesTheJobToTheNewWorker() {
        var table = LeaseTable()
        let t0 = Moment(nanoseconds: 0)
        table.grant(job: "a", to: "w1", attempt: 1, deadline: t0 + .seconds(1))
        table.grant(job: "a", to: "w2", attempt: 2, deadline: t0 + .seconds(5))
        #expect(table.count == 1)
        #expect(table.jobs(heldBy: "w1").isEmpty)
        #expect(table.lease(of: "a")?.worker == "w2")
    }

    @Test func expiryReturnsOnlyDueLeasesOldestFirst() {
        var table = LeaseTable()
        let t0 = Moment(nanoseconds: 0)
        table.grant(job: "late", to: "w1", attempt: 1, deadline: t0 + .seconds(30))
        table.grant(job: "second", to: "w1", attempt: 1, deadline: t0 + .seconds(20))
        table.grant(job: "first", to: "w2", attempt: 1, deadline: t0 + .seconds(10))
        #expect(table.expire(now: t0 + .seconds(9)).isEmpty)
        let due = table.expire(now: t0 + .seconds(20))
        #expect(due.map(\.job) == ["first", "second"])
        #expect(table.count == 1)
        #expect(table.lease(of: "late") != nil)
    }

    @Test func revokeAllTakesEveryJobOfOneWorker() {
        var table = LeaseTable()
        let t0 = Moment(nanoseconds: 0)
        for job in ["x", "y", "z"] { table.grant(job: job, to: "w1", attempt: 1, deadline: t0 + .seconds(9)) }
        table.grant(job: "k", to: "w2", attempt: 1, deadline: t0 + .seconds(9))
        #expect(table.revokeAll(heldBy: "w1").map(\.job) == ["x", "y", "z"])
        #expect(table.count == 1)
        #expect(table.revokeAll(heldBy: "w1").isEmpty)
    }
}
