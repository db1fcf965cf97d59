import Testing

@testable import Cluster

@Suite struct SaturatingTests {
    @Test func clampsInsteadOfTrapping() {
        #expect(Saturating.add(.max, 1) == .max)
        #expect(Saturating.add(.max, .max) == .max)
        #expect(Saturating.add(.min, -1) == .min)
        #expect(Saturating.add(2, 3) == 5)
        #expect(Saturating.subtract(.min, 1) == .min)
        #expect(Saturating.subtract(.max, -1) == .max)
        #expect(Saturating.sum([.max, .max, 5]) == .max)
    }
}
