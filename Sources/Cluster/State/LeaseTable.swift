/// Which worker holds which job, until when. Pure state: no clock, no I/O.
public struct LeaseTable: Sendable {
    /// One job handed to one worker.
    public struct Lease: Sendable, Equatable {
        public var job: String
        public var worker: String
        public var attempt: Int
        public var deadline: Moment
        /// The worker pushed the result to the collector; only the commit is missing.
        public var delivered = false
    }

    private var leases: [String: Lease] = [:]
    private var jobsByWorker: [String: Set<String>] = [:]

    public init() {}

    public var count: Int { leases.count }

    public func lease(of job: String) -> Lease? { leases[job] }

    public func jobs(heldBy worker: String) -> Set<String> { jobsByWorker[worker] ?? [] }

    /// Records that `worker` holds `job` until `deadline`; replaces an older lease of the same job.
    public mutating func grant(job: String, to worker: String, attempt: Int, deadline: Moment) {
        _ = release(job)
        leases[job] = Lease(job: job, worker: worker, attempt: attempt, deadline: deadline)
        jobsByWorker[worker, default: []].insert(job)
    }

    /// Ends the lease of `job` (committed, or taken back); returns it when there was one.
    @discardableResult
    public mutating func release(_ job: String) -> Lease? {
        guard let lease = leases.removeValue(forKey: job) else { return nil }
        jobsByWorker[lease.worker]?.remove(job)
        if jobsByWorker[lease.worker]?.isEmpty == true { jobsByWorker[lease.worker] = nil }
        return lease
    }

    /// Marks `job` as delivered when `worker` still holds it; returns whether it did.
    @discardableResult
    public mutating func markDelivered(_ job: String, by worker: String) -> Bool {
        guard leases[job]?.worker == worker else { return false }
        leases[job]?.delivered = true
        return true
    }

    /// Ends and returns every delivered lease (their results were lost with a collector), in job order.
    public mutating func revokeDelivered() -> [Lease] {
        let delivered = leases.values.filter(\.delivered).sorted { $0.job < $1.job }
        for lease in delivered { release(lease.job) }
        return delivered
    }

    /// Ends and returns every lease whose deadline is at or before `now`, oldest deadline first.
    public mutating func expire(now: Moment) -> [Lease] {
        let due = leases.values.filter { $0.deadline <= now }.sorted { $0.deadline < $1.deadline }
        for lease in due { release(lease.job) }
        return due
    }

    /// Ends and returns every lease held by `worker` (it died or left), in job order. Delivered
    /// leases stay by default: their results are already with the collector, only the commit is due.
    public mutating func revokeAll(heldBy worker: String, includingDelivered: Bool = false) -> [Lease] {
        let held = jobs(heldBy: worker).sorted().compactMap { leases[$0] }
            .filter { includingDelivered || !$0.delivered }
        for lease in held { release(lease.job) }
        return held
    }
}
