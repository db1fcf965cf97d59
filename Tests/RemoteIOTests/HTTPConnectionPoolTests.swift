import Foundation
import TestExecutors
import TestSupport
import Testing

@testable import RemoteIO

/// The per-origin cap on connections: a reader wanting one more than the cap waits until another
/// gives one back, and a connection given back is the one handed out next (keep-alive).
struct HTTPConnectionPoolTests {
    @Test func aReaderOverTheCapWaitsForAConnectionToComeBack() async throws {
        try await DedicatedThreads.run {
            var settings = RemoteSettings()
            settings.maxConnectionsPerHost = 1
            let pool = HTTPConnectionPool()
            let origin = "http://127.0.0.1:9"
            let first = try #require(pool.checkout(origin: origin, settings: settings))
            let other = try #require(pool.checkout(origin: "http://127.0.0.1:10", settings: settings))
            #expect(pool.inUseCount(origin: origin) == 1, "another origin has its own cap")
            let handedOut = Handoff()
            let waiter = Thread { [settings] in
                handedOut.set(pool.checkout(origin: origin, settings: settings))
            }
            waiter.start()
            // Time for a checkout over the cap to go wrong, not a wait for a state: nothing may happen.
            Thread.sleep(forTimeInterval: 0.3)
            #expect(handedOut.value == nil, "the second reader waits while the cap is taken")
            pool.checkin(first)
            Waiting.until(timeout: 5, interval: 0.01) { handedOut.value != nil }
            let second = try #require(handedOut.value)
            #expect(second === first, "the connection given back is reused")
            #expect(pool.inUseCount(origin: origin) == 1)
            pool.checkin(second)
            pool.checkin(other)
            #expect(pool.inUseCount(origin: origin) == 0)
        }
    }
}

/// A transfer one thread hands to another.
private final class Handoff: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: CurlTransfer?

    var value: CurlTransfer? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func set(_ transfer: CurlTransfer?) {
        lock.lock()
        stored = transfer
        lock.unlock()
    }
}
