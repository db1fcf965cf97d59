@testable import Cluster

/// Time for the state-machine tests: starts at zero, moves only when told.
struct ManualClock {
    private(set) var now = Moment(nanoseconds: 0)

    mutating func advance(_ duration: Duration) {
        now = now + duration
    }
}
