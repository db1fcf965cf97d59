import Synchronization

@testable import Cluster

/// A clock for a coordinator running on another thread: it stands still until the test moves it,
/// so leases and heartbeats expire exactly when the test says.
final class SteppedClock: Sendable {
    private let nanoseconds = Atomic<Int64>(0)

    var now: Moment { Moment(nanoseconds: nanoseconds.load(ordering: .sequentiallyConsistent)) }

    func advance(_ duration: Duration) {
        nanoseconds.add(duration.nanosecondsClamped, ordering: .sequentiallyConsistent)
    }

    /// The clock as a role reads it (`CoordinatorSettings.clock`).
    var reading: @Sendable () -> Moment { { [self] in now } }
}
