/// Which peers are alive: a peer silent for `liveness` heartbeat intervals is dead. Pure state.
public struct WorkerLiveness: Sendable {
    public var interval: Duration
    public var liveness: Int
    private var lastHeard: [String: Moment] = [:]

    public init(
        interval: Duration = WireProtocol.heartbeatInterval, liveness: Int = WireProtocol.heartbeatLiveness
    ) {
        self.interval = interval
        self.liveness = liveness
    }

    public var alive: [String] { lastHeard.keys.sorted() }

    public func lastHeard(from peer: String) -> Moment? { lastHeard[peer] }

    /// Any traffic from `peer` counts as a sign of life (and introduces a new peer).
    public mutating func heard(from peer: String, at now: Moment) {
        lastHeard[peer] = now
    }

    /// Forgets a peer that said goodbye.
    public mutating func forget(_ peer: String) {
        lastHeard[peer] = nil
    }

    /// Removes and returns the peers silent for longer than `liveness` intervals at `now`.
    public mutating func reapDead(now: Moment) -> [String] {
        let limit = interval * liveness
        let dead = lastHeard.filter { now - $0.value > limit }.map(\.key).sorted()
        for peer in dead { lastHeard[peer] = nil }
        return dead
    }
}
