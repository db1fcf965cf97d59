import Synchronization
import ZeroMQ

/// How a role is asked to stop from another thread (a signal handler, the local runner): the first
/// request drains (no new work, finish what is held), a second one stops at once. It wakes the
/// role's poll loop through a `WakeSignal`, so a blocked poll returns immediately.
public final class StopRequest: Sendable {
    private let requests = Atomic<Int>(0)
    public let wake: WakeSignal

    public init() throws(ClusterError) {
        do {
            wake = try WakeSignal()
        } catch {
            throw ClusterError("cannot create a wake-up channel: \(error)")
        }
    }

    /// Asks the role to stop; call again to make it stop without draining.
    public func request() {
        requests.add(1, ordering: .sequentiallyConsistent)
        wake.wake()
    }

    /// How many times a stop was requested.
    public var count: Int { requests.load(ordering: .sequentiallyConsistent) }
}

extension StopRequest {
    /// One turn of a role's event loop: waits up to `milliseconds` for its sockets (or a stop
    /// request, whose wake-up is consumed here) and returns the ready poller indexes.
    func poll(_ poller: inout ZMQPoller, milliseconds: Int) throws(ClusterError) -> [Int] {
        let ready: [Int]
        do {
            ready = try poller.poll(timeoutMilliseconds: milliseconds)
        } catch {
            throw ClusterError("poll failed: \(error)")
        }
        wake.drain()
        return ready
    }
}
