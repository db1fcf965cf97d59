import Testing

@testable import Cluster

@Suite struct FIFOBufferTests {
    @Test func keepsOrder() {
        var buffer = FIFOBuffer<Int>()
        buffer.append(contentsOf: [1, 2, 3])
        #expect(buffer.popFirst() == 1)
        buffer.append(contentsOf: [4])
        #expect(
            [buffer.popFirst(), buffer.popFirst(), buffer.popFirst(), buffer.popFirst()] == [2, 3, 4, nil])
        #expect(buffer.count == 0)
    }

    @Test func memoryFollowsWhatIsQueuedUnderSteadyLoad() {
        var buffer = FIFOBuffer<[UInt8]>()
        buffer.append(contentsOf: Array(repeating: [0], count: 128))
        var largest = 0
        for _ in 0..<100_000 {  // never empty: one in, one out
            _ = buffer.popFirst()
            buffer.append(contentsOf: [[1]])
            largest = max(largest, buffer.storageCount)
        }
        #expect(buffer.count == 128)
        #expect(largest <= 256, "taken elements are released, not kept: \(largest)")
    }
}
