import Foundation
import TestExecutors

/// How many tests may run `presswork` processes at once, and the way such a test runs its body.
///
/// A test that starts processes spends most of its time waiting for them, so its body runs on a
/// dedicated thread (`DedicatedThreads`) and not on the cooperative pool that every other test of
/// the package needs. Taken off the pool, nothing would bound how many clusters run together any
/// more: these slots keep it at one per core, which is what the pool allowed before, so the
/// clusters' heartbeats and the tests' timeouts see the same load. Waiting for a slot suspends the
/// test's task; it holds no thread.
actor ProcessTestSlots {
    static let shared = ProcessTestSlots(count: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        free = count
    }

    /// Runs `body` on a dedicated thread once a slot is free, and frees the slot afterwards.
    static func run<Result>(_ body: () throws -> Result) async throws -> Result {
        try await shared.run(body)
    }

    /// The same with these slots (the tests of this type use their own).
    nonisolated func run<Result>(_ body: () throws -> Result) async throws -> Result {
        await acquire()
        do {
            let result = try await DedicatedThreads.run(body)
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
