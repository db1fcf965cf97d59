import Foundation
import Synchronization
import TestSupport

@testable import Cluster

/// One role's `run()` on a thread of its own, as the role would run in its own process; the test
/// asks it to stop through `stop` and waits for what `run()` returned.
final class RoleThread<Value: Sendable>: Sendable {
    let stop: StopRequest
    private let outcome = Mutex<Result<Value, ClusterError>?>(nil)

    /// Starts `run` (which owns the role from now on) on a new thread.
    init(stop: StopRequest, _ run: @escaping @Sendable () throws(ClusterError) -> Value) {
        self.stop = stop
        let thread = Thread { [self] in
            let result: Result<Value, ClusterError>
            do throws(ClusterError) {
                result = .success(try run())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
        }
        thread.start()
    }

    /// Whether `run()` has returned.
    var hasEnded: Bool { outcome.withLock { $0 != nil } }

    /// What `run()` returned, waiting up to `timeout` seconds for it.
    func result(within timeout: TimeInterval = 60) throws -> Value {
        guard Waiting.until(timeout: timeout, interval: 0.01, { hasEnded }) else {
            throw RoleTimeout(seconds: timeout)
        }
        return try outcome.withLock { $0! }.get()
    }

    /// The role did not return in time.
    struct RoleTimeout: Error, CustomStringConvertible {
        var seconds: TimeInterval
        var description: String { "the role did not end within \(seconds) s" }
    }
}

/// Hands a role object to the thread that runs it: from then on only that thread touches it, and
/// lets go of it as soon as `run()` returns, so its sockets close then (as when a process exits).
final class RoleHandoff<Role>: @unchecked Sendable {
    private var role: Role?

    init(_ role: Role) { self.role = role }

    /// Runs `body` on the role, then releases it.
    func run<Value>(_ body: (Role) throws(ClusterError) -> Value) throws(ClusterError) -> Value {
        defer { role = nil }
        return try body(role!)
    }
}
