/// Which workers get no jobs for a while because their leases keep expiring: a worker whose
/// leases expire `threshold` times with no commit of its work in between is set aside for
/// `firstPeriod`, doubled each time it happens again (up to `longestPeriod`). A commit of a job it
/// held ends its quarantine. Pure state fed `Moment`s.
///
/// Quarantine is for a while, not for ever: a worker that is merely slow (or the only one) comes
/// back, and a run never stalls for want of workers.
public struct WorkerQuarantine: Sendable {
    public var threshold: Int
    public var firstPeriod: Duration
    public var longestPeriod: Duration
    /// Workers remembered at most (those quarantined longest ago are forgotten first).
    static let remembered = 10_000

    private var expiries: [String: Int] = [:]
    private var until: [String: Moment] = [:]
    private var times: [String: Int] = [:]

    public init(
        threshold: Int = 2, firstPeriod: Duration = .seconds(60), longestPeriod: Duration = .seconds(3_600)
    ) {
        self.threshold = max(1, threshold)
        self.firstPeriod = firstPeriod
        self.longestPeriod = longestPeriod
    }

    /// Whether `worker` is set aside at `now`.
    public func isQuarantined(_ worker: String, now: Moment) -> Bool {
        until[worker].map { now < $0 } ?? false
    }

    /// A lease held by `worker` expired; returns the expiries counted when this put it in quarantine.
    public mutating func leaseExpired(heldBy worker: String, now: Moment) -> Int? {
        guard !isQuarantined(worker, now: now) else { return nil }
        let count = Saturating.add(expiries[worker] ?? 0, 1)
        expiries[worker] = count
        guard count >= threshold else { return nil }
        let repeats = min(times[worker] ?? 0, 16)
        times[worker] = repeats + 1
        let period = min(firstPeriod * (1 << repeats), longestPeriod)
        until[worker] = now + period
        // Back from quarantine, one more expiry sends it back.
        expiries[worker] = threshold - 1
        if until.count > Self.remembered { forgetOldest() }
        return count
    }

    /// A job `worker` held was committed: its work gets through; its count starts again.
    public mutating func committed(heldBy worker: String) {
        expiries[worker] = nil
        until[worker] = nil
    }

    private mutating func forgetOldest() {
        let oldest = until.sorted { $0.value < $1.value }.prefix(until.count - Self.remembered / 2)
        for (worker, _) in oldest {
            until[worker] = nil
            times[worker] = nil
            expiries[worker] = nil
        }
    }
}
