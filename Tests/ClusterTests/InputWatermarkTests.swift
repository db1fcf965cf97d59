import Testing

@testable import Cluster

@Suite struct InputWatermarkTests {
    @Test func movesOnlyOverAnUnbrokenPrefixOfCommittedJobs() {
        var mark = InputWatermark()
        mark.cut(job: 1, items: 64)
        mark.cut(job: 2, items: 64)
        mark.cut(job: 3, items: 10)
        let early = mark.committed(job: 2)
        #expect(!early)
        #expect(mark.job == 0 && mark.items == 0)
        let first = mark.committed(job: 1)
        #expect(first)
        #expect(mark.job == 2 && mark.items == 128)
        let third = mark.committed(job: 3)
        #expect(third)
        #expect(mark.job == 3 && mark.items == 138)
        let again = mark.committed(job: 3)
        #expect(!again, "committing twice changes nothing")
    }

    @Test func resumedWatermarkContinuesFromWhereItWas() {
        var mark = InputWatermark(job: 10, items: 640)
        mark.cut(job: 11, items: 64)
        let old = mark.committed(job: 5)
        #expect(!old)
        let next = mark.committed(job: 11)
        #expect(next)
        #expect(mark.job == 11 && mark.items == 704)
    }
}
