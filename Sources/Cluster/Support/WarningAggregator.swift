/// Repeated warnings folded into one line per window: the first of a kind is logged at once, the
/// rest are counted and reported together when the window ends ("1,234 more in the last 10 s").
/// Pure state fed `Moment`s, so a flood of bad messages costs one log line per kind per window.
public struct WarningAggregator: Sendable {
    /// What was held back of one kind of warning during a window.
    public struct Summary: Sendable, Equatable {
        public var kind: String
        public var suppressed: Int
        /// The last detail seen (escaped), e.g. the peer and the reason.
        public var lastDetail: String
    }

    public let window: Duration
    private var windowStart: Moment?
    private var counts: [String: (suppressed: Int, lastDetail: String)] = [:]
    /// Kinds remembered per window; past it, new kinds are folded into `other`.
    private let maxKinds = 64

    public init(window: Duration = .seconds(10)) {
        self.window = window
    }

    /// Records one warning of `kind`; returns true when it should be logged now (the first of its
    /// kind in the window), false when it was counted for the summary.
    public mutating func record(_ kind: String, detail: String, now: Moment) -> Bool {
        if windowStart == nil { windowStart = now }
        let key = counts[kind] != nil || counts.count < maxKinds ? kind : "other"
        guard let seen = counts[key] else {
            counts[key] = (0, detail)
            return true
        }
        counts[key] = (Saturating.add(seen.suppressed, 1), detail)
        return false
    }

    /// When the window is over: what was held back (kinds with nothing held back are left out),
    /// and a new window starts. Before that: nothing.
    public mutating func flush(now: Moment) -> [Summary] {
        guard let start = windowStart, now - start >= window else { return [] }
        let summaries = counts.filter { $0.value.suppressed > 0 }.map {
            Summary(kind: $0.key, suppressed: $0.value.suppressed, lastDetail: $0.value.lastDetail)
        }.sorted { $0.kind < $1.kind }
        counts.removeAll()
        windowStart = nil
        return summaries
    }
}
