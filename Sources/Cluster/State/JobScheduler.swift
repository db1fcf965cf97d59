/// The coordinator's decisions as a pure state machine: which job goes to which worker, when a
/// lease has run out or a worker has died, and when a job has failed too often. It performs no
/// I/O and reads no clock; every call takes `now` and returns the actions for the caller to carry out.
public struct JobScheduler: Sendable {
    /// What the caller must do (or record) after a call.
    public enum Action: Sendable, Equatable {
        /// Send `job` as attempt number `attempt` to `worker`.
        case dispatch(job: String, attempt: Int, worker: String)
        /// `job` failed its last attempt for `reason` and will run again.
        case requeued(job: String, failedAttempt: Int, reason: String)
        /// `job` failed `attempts` times; its articles go to dead-letter with `reason`.
        case giveUp(job: String, attempts: Int, reason: String)
        /// `worker` was silent too long; it is forgotten.
        case workerDead(worker: String)
        /// `worker` let `expiries` leases expire with no commit in between: it gets no jobs for a while.
        case quarantined(worker: String, expiries: Int)
    }

    /// Settings of the scheduling rules.
    public struct Settings: Sendable {
        public var lease: Duration = .seconds(30)
        public var retry = RetryPolicy(maxAttempts: 3)
        public var heartbeatInterval: Duration = WireProtocol.heartbeatInterval
        public var heartbeatLiveness: Int = WireProtocol.heartbeatLiveness
        /// A worker holds at most this many undelivered jobs per thread it declares, whatever
        /// credit it announces (honest workers ask for 2 per thread).
        public var creditPerThread = 4
        /// …and never more than this many in all.
        public var maxCreditPerWorker = 1_024
        /// A worker that lets this many leases expire with no commit of its work in between is
        /// quarantined (see `WorkerQuarantine`), instead of burning an attempt of every job it takes.
        public var quarantineAfterExpiries = 2
        /// Its first quarantine; each further one lasts twice as long (up to an hour).
        public var quarantine: Duration = .seconds(60)
        public init() {}
    }

    public let settings: Settings
    private var queue = JobQueue()
    private var credit: [String: Int] = [:]
    private var leases = LeaseTable()
    /// Jobs whose lease is a multiple of `settings.lease`.
    private var leaseFactors: [String: Int] = [:]
    private var liveness: WorkerLiveness
    /// Attempts made so far for every job not yet committed or given up.
    private var attempts: [String: Int] = [:]
    private var draining: Set<String> = []
    private var paused = false
    /// Most undelivered jobs each known worker may hold.
    private var capacity: [String: Int] = [:]
    /// Workers set aside for letting their leases expire.
    private var quarantine: WorkerQuarantine

    public init(settings: Settings = .init()) {
        self.settings = settings
        liveness = WorkerLiveness(interval: settings.heartbeatInterval, liveness: settings.heartbeatLiveness)
        quarantine = WorkerQuarantine(
            threshold: settings.quarantineAfterExpiries, firstPeriod: settings.quarantine)
    }

    /// Jobs waiting for a worker.
    public var queuedCount: Int { queue.count }
    /// Jobs held by workers.
    public var leasedCount: Int { leases.count }
    /// Jobs known and neither committed nor given up.
    public var openCount: Int { attempts.count }
    /// Workers currently alive, sorted.
    public var workers: [String] { liveness.alive }
    /// Free credit of a worker.
    public func credit(of worker: String) -> Int { credit[worker] ?? 0 }
    /// Jobs leased to a worker.
    public func jobs(heldBy worker: String) -> Set<String> { leases.jobs(heldBy: worker) }
    /// The time `worker` was last heard from.
    public func lastHeard(from worker: String) -> Moment? { liveness.lastHeard(from: worker) }
    /// Whether a worker is known.
    public func knows(_ worker: String) -> Bool { credit[worker] != nil }

    /// A new job, never attempted.
    /// `leaseFactor`: the job's lease is that many times `settings.lease` (a split job holds
    /// thousands of articles where a job of articles holds a batch).
    public mutating func enqueue(_ job: String, leaseFactor: Int = 1) {
        guard attempts[job] == nil else { return }
        attempts[job] = 0
        if leaseFactor > 1 { leaseFactors[job] = leaseFactor }
        queue.pushBack(job)
    }

    /// A worker introduced itself with `credit` free slots (again, after a reconnect). It may hold
    /// at most `creditPerThread` undelivered jobs per declared thread (nil: no thread bound), and
    /// never more than `maxCreditPerWorker`, whatever it asks for.
    public mutating func join(
        _ worker: String, credit slots: Int, threads: Int? = nil, now: Moment
    ) -> [Action] {
        let perThread = max(1, settings.creditPerThread)
        let (threadCap, overflow) = max(1, threads ?? .max).multipliedReportingOverflow(by: perThread)
        capacity[worker] = max(0, min(overflow ? .max : threadCap, settings.maxCreditPerWorker))
        credit[worker] = 0
        liveness.heard(from: worker, at: now)
        grantCredit(slots, to: worker)
        return dispatch(now: now)
    }

    /// A worker has `slots` more free slots (ignored while it drains).
    public mutating func addCredit(_ slots: Int, to worker: String, now: Moment) -> [Action] {
        guard credit[worker] != nil, !draining.contains(worker) else { return [] }
        grantCredit(slots, to: worker)
        liveness.heard(from: worker, at: now)
        return dispatch(now: now)
    }

    /// Adds credit without overflow and without passing the worker's capacity.
    private mutating func grantCredit(_ slots: Int, to worker: String) {
        guard let held = credit[worker] else { return }
        let undelivered = leases.jobs(heldBy: worker).count { leases.lease(of: $0)?.delivered == false }
        let room = max(0, (capacity[worker] ?? 0) - undelivered)
        credit[worker] = min(room, Saturating.add(held, max(0, slots)))
    }

    /// Whether a worker is set aside at `now` for letting its leases expire.
    public func isQuarantined(_ worker: String, now: Moment) -> Bool {
        quarantine.isQuarantined(worker, now: now)
    }

    /// A worker drains: it gets no more jobs but keeps (and finishes) what it holds.
    public mutating func drain(_ worker: String, now: Moment) {
        guard credit[worker] != nil else { return }
        credit[worker] = 0
        draining.insert(worker)
        liveness.heard(from: worker, at: now)
    }

    /// A worker pushed the result of `job` to the collector: the job now waits only for its commit.
    public mutating func delivered(_ job: String, by worker: String) {
        leases.markDelivered(job, by: worker)
    }

    /// A new collector instance appeared: results delivered to the old one but not committed are
    /// lost, so those jobs run again. This is not the job's fault: it does not use up an attempt.
    public mutating func collectorRestarted(now: Moment) -> [Action] {
        var actions: [Action] = []
        for lease in leases.revokeDelivered() where attempts[lease.job] != nil {
            attempts[lease.job] = lease.attempt - 1
            queue.pushFront(lease.job)
            actions.append(
                .requeued(job: lease.job, failedAttempt: lease.attempt, reason: "collector restarted"))
        }
        return actions + dispatch(now: now)
    }

    /// Stops (or resumes) handing out jobs; leases, liveness and commits go on.
    public mutating func setPaused(_ paused: Bool) {
        self.paused = paused
    }

    /// Any traffic from a known worker.
    public mutating func heard(from worker: String, now: Moment) {
        guard credit[worker] != nil else { return }
        liveness.heard(from: worker, at: now)
    }

    /// A worker left (said goodbye, or could not be reached): its jobs are taken back at once.
    public mutating func remove(_ worker: String, reason: String, now: Moment) -> [Action] {
        credit[worker] = nil
        capacity[worker] = nil
        draining.remove(worker)
        liveness.forget(worker)
        var actions: [Action] = []
        for lease in leases.revokeAll(heldBy: worker) {
            actions += fail(lease.job, attempt: lease.attempt, reason: reason)
        }
        return actions + dispatch(now: now)
    }

    /// An attempt of a job failed as a whole (the worker reported an error).
    public mutating func failed(_ job: String, reason: String, now: Moment) -> [Action] {
        guard let lease = leases.release(job) else { return [] }
        return fail(job, attempt: lease.attempt, reason: reason) + dispatch(now: now)
    }

    /// The collector committed `job`: it is done, whoever held it. Returns false for an unknown job.
    @discardableResult
    public mutating func committed(_ job: String) -> Bool {
        if let lease = leases.release(job) { quarantine.committed(heldBy: lease.worker) }
        leaseFactors[job] = nil
        return attempts.removeValue(forKey: job) != nil
    }

    /// Time passes: expired leases and dead workers are dealt with, then free credit is used.
    public mutating func tick(now: Moment) -> [Action] {
        var actions: [Action] = []
        for worker in liveness.reapDead(now: now) {
            actions.append(.workerDead(worker: worker))
            credit[worker] = nil
            capacity[worker] = nil
            draining.remove(worker)
            for lease in leases.revokeAll(heldBy: worker) {
                actions += fail(
                    lease.job, attempt: lease.attempt, reason: "worker \(worker) stopped responding")
            }
        }
        for lease in leases.expire(now: now) {
            actions += fail(
                lease.job, attempt: lease.attempt, reason: "lease expired on worker \(lease.worker)")
            // Delivered or not: only a commit shows that a worker's results get through.
            if let count = quarantine.leaseExpired(heldBy: lease.worker, now: now) {
                actions.append(.quarantined(worker: lease.worker, expiries: count))
            }
        }
        return actions + dispatch(now: now)
    }

    private mutating func fail(_ job: String, attempt: Int, reason: String) -> [Action] {
        guard attempts[job] != nil else { return [] }
        switch settings.retry.afterFailure(ofAttempt: attempt) {
        case .retry:
            queue.pushFront(job)
            return [.requeued(job: job, failedAttempt: attempt, reason: reason)]
        case .giveUp(let made):
            attempts[job] = nil
            leaseFactors[job] = nil
            return [.giveUp(job: job, attempts: made, reason: reason)]
        }
    }

    /// Hands queued jobs to workers with credit, the worker with the most free credit first.
    private mutating func dispatch(now: Moment) -> [Action] {
        var actions: [Action] = []
        while !queue.isEmpty && !paused {
            guard
                let worker = credit.filter({ $0.value > 0 && !quarantine.isQuarantined($0.key, now: now) })
                    .max(by: {
                        ($0.value, $1.key) < ($1.value, $0.key)
                    })?.key
            else { break }
            guard let job = queue.popFront() else { break }
            guard let made = attempts[job] else { continue }  // committed while queued
            let attempt = made + 1
            attempts[job] = attempt
            credit[worker] = max(0, (credit[worker] ?? 0) - 1)
            let lease = settings.lease * (leaseFactors[job] ?? 1)
            leases.grant(job: job, to: worker, attempt: attempt, deadline: now + lease)
            actions.append(.dispatch(job: job, attempt: attempt, worker: worker))
        }
        return actions
    }
}

extension JobScheduler {
    /// Whether a worker holds `job` now.
    public func isLeased(_ job: String) -> Bool { leases.lease(of: job) != nil }
}
