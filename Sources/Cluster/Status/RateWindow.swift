/// A rate over a sliding window (e.g. articles per second over the last 10 s), from samples of a
/// monotonically growing counter.
public struct RateWindow: Sendable {
    public var window: Duration
    private var samples: [(at: Moment, value: Double)] = []

    public init(window: Duration = .seconds(10)) {
        self.window = window
    }

    /// Records the counter's value at `now`.
    public mutating func record(_ value: Double, at now: Moment) {
        samples.append((now, value))
        let horizon = now.nanoseconds - window.nanosecondsClamped
        if let keep = samples.firstIndex(where: { $0.at.nanoseconds >= horizon }), keep > 1 {
            samples.removeFirst(keep - 1)
        }
    }

    /// Units per second between the oldest sample in the window and the newest; 0 until two samples.
    public var perSecond: Double {
        guard let first = samples.first, let last = samples.last, last.at > first.at else { return 0 }
        return (last.value - first.value) / (last.at - first.at).seconds
    }
}
