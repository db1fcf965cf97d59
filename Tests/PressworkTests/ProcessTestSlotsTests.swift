import Foundation
import TestExecutors
import Testing

/// The way process tests run: on threads outside the cooperative pool, a bounded number at once.
@Suite struct ProcessTestSlotsTests {
    /// Bodies that block until all of them have started: possible only when they do not share the
    /// pool's threads (about one per core), so more of them than cores must still all meet.
    @Test func blockingBodiesDoNotNeedThePoolsThreads() async throws {
        let count = ProcessInfo.processInfo.activeProcessorCount + 3
        let meeting = Meeting()
        let met = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask {
                    await DedicatedThreads.run {
                        meeting.arriveAndWait(for: count, timeout: 20) && DedicatedThreads.isCurrent
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(met == count, "\(met) of \(count) bodies met on threads of their own")
        #expect(!DedicatedThreads.isCurrent, "the test itself is back on the pool")
    }

    /// The bodies hold their slots until released, however long the package's other tests keep the
    /// cooperative pool (and so the slots' actor) busy: under the whole suite on two cores the
    /// second body may start many seconds after the first, and a body that let go on its own
    /// after a short wait made the test fail while the slots were right.
    @Test func atMostTheSlotCountRunsAtOnceAndWaitersFollow() async throws {
        let slots = ProcessTestSlots(count: 2)
        let meeting = Meeting()
        let bodies = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await slots.run { meeting.holdUntilReleased(timeout: 240) } }
                }
                try await group.waitForAll()
            }
        }
        let deadline = ContinuousClock.now + .seconds(180)
        while meeting.state.running < 2 && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(meeting.state.running == 2, "two bodies hold the two slots, the third waits")
        meeting.release()
        try await bodies.value
        #expect(meeting.state.peak == 2)
        #expect(meeting.state.finished == 3)
    }
}

/// Threads meeting at a barrier, or held until released, counted under a lock.
private final class Meeting: @unchecked Sendable {
    struct State {
        var arrived = 0
        var running = 0
        var peak = 0
        var finished = 0
        var released = false
    }

    private let condition = NSCondition()
    private var current = State()

    var state: State {
        condition.lock()
        defer { condition.unlock() }
        return current
    }

    /// Waits until `count` threads have arrived; false when `timeout` seconds pass first.
    func arriveAndWait(for count: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        current.arrived += 1
        condition.broadcast()
        while current.arrived < count {
            if !condition.wait(until: deadline) { return current.arrived >= count }
        }
        return true
    }

    /// Counts this body as running until `release()` (or `timeout` seconds).
    func holdUntilReleased(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        current.running += 1
        current.peak = max(current.peak, current.running)
        while !current.released {
            if !condition.wait(until: deadline) { break }
        }
        current.running -= 1
        current.finished += 1
    }

    func release() {
        condition.lock()
        current.released = true
        condition.broadcast()
        condition.unlock()
    }
}
