import ArticlePipeline
import Logging
import ScrapeIO
import ZeroMQ

/// The coordinator: streams the inputs, cuts them into jobs, hands jobs to workers against their
/// credit, re-queues what a dead worker or an expired lease leaves behind, and ends the run once
/// the collector has committed every job. One thread owns all of its sockets.
public final class Coordinator {
    /// Poll timeout: also the granularity of lease and liveness checks.
    static let pollMilliseconds = 50
    /// How often `onTick` is called with a fresh status.
    static let tickInterval: Duration = .milliseconds(250)

    let settings: CoordinatorSettings
    let logger: Logger
    let context: ZMQContext
    let stop: StopRequest
    var scheduler: JobScheduler
    var cutter: JobCutter
    let reader: ScrapeInputReader
    var ledger: CoordinatorLedger
    var collectorID: [UInt8]?
    var collectorFinished = false
    var pendingDeadJobs: [String] = []
    var watermark = InputWatermark()
    /// Jobs committed before this process started (from the journal or the collector).
    var committedEarlier: Set<String> = []
    /// Items of the split jobs a resumed run's journal says are committed, by job id.
    var recoveredSplitItems: [String: Int] = [:]
    let journal: CoordinatorJournal?
    let authenticator: ZAPAuthenticator
    let connectionGuard: ConnectionGuard
    let router: ZMQSocket
    let statusRouter: ZMQSocket?
    /// The routing id of every worker, by the name the scheduler knows it by.
    var addresses: [String: [UInt8]] = [:]
    /// Signs the lease of every hand-out; nil when no lease key was given.
    let signer: LeaseSigner?
    var warnings = WarningAggregator()
    /// Set while reading waits for commits to free room under `maxHeldBodyBytes` (logged once).
    var readingPaused = false

    public init(
        settings: CoordinatorSettings, context: ZMQContext, stop: StopRequest, logger: Logger
    ) throws(ClusterError) {
        self.settings = settings
        self.logger = logger
        self.context = context
        self.stop = stop
        ledger = CoordinatorLedger(started: settings.clock())
        scheduler = JobScheduler(settings: settings.scheduler)
        cutter = JobCutter(batchSize: settings.batchSize, maxArticleBytes: settings.maxArticleBytes)
        reader = ScrapeInputReader(inputs: settings.inputs, settings: settings.reader, logger: logger)
        journal = try settings.journal.map { (directory) throws(ClusterError) in
            try CoordinatorJournal(directory: directory)
        }
        authenticator = try ZAPAuthenticator(context: context, curve: settings.curve, logger: logger)
        signer = settings.leaseKey.flatMap { LeaseSigner(key: $0) }
        let openFiles = OpenFileLimit.raiseToHardLimit()
        let caps = settings.connectionCaps.fitted(toOpenFiles: Int(clamping: openFiles))
        logger.info(
            "open-file limit",
            metadata: [
                "files": "\(openFiles)", "max_connections": "\(caps.maxTotal)",
                "max_connections_per_address": "\(caps.maxPerAddress)",
            ])
        let connectionGuard = try ConnectionGuard(context: context, caps: caps, sockets: 2, logger: logger)
        self.connectionGuard = connectionGuard
        router = try Sockets.router(
            context, bind: settings.bind, curve: settings.curve, handshakeTimeout: settings.handshakeTimeout,
            maxFrameBytes: Int64(WireProtocol.maxControlMessageBytes), watchedBy: (connectionGuard, 0))
        statusRouter = try settings.statusBind.map { (endpoint) throws(ClusterError) in
            try Sockets.router(
                context, bind: endpoint, curve: settings.curve, handshakeTimeout: settings.handshakeTimeout,
                maxFrameBytes: Int64(WireProtocol.maxStatusRequestBytes),
                sendHighWaterMark: WireProtocol.statusHighWaterMark, watchedBy: (connectionGuard, 1))
        }
        if signer == nil {
            logger.warning("no lease key: results are not bound to leases (give --lease-key)")
        }
        if let directory = settings.journal { try resumeFromJournal(directory) }
    }

    /// The endpoint workers and the collector connect to (useful after binding port 0 / `*`).
    public var boundEndpoint: String { (try? router.lastEndpoint) ?? settings.bind }

    /// Runs until every job is committed (or a stop is requested); calls `onTick` about four
    /// times a second with the current status.
    public func run(onTick: (RunStatus) -> Void = { _ in }) throws(ClusterError) -> RunStatus {
        ClusterMetrics.announce(.coordinator)
        var poller = ZMQPoller()
        let routerIndex = poller.add(router)
        let statusIndex = statusRouter.map { poller.add($0) }
        _ = poller.add(fileDescriptor: stop.wake.fileDescriptor)
        var lastTick = settings.clock()
        var lastHeartbeat = settings.clock()
        var finishSentAt: Moment?
        var drainStarted: Moment?
        logger.info("coordinator listening", metadata: ["endpoint": "\(boundEndpoint)"])

        while true {
            let now = settings.clock()
            if stop.count == 0 { fillQueue() }
            perform(scheduler.tick(now: now), now: now)
            flushDeadJobs()

            let ready = try stop.poll(&poller, milliseconds: Self.pollMilliseconds)
            if ready.contains(routerIndex) { drainRouter() }
            if let statusIndex, ready.contains(statusIndex) { answerStatusRequests() }

            let after = settings.clock()
            if after - lastHeartbeat >= settings.scheduler.heartbeatInterval {
                sendHeartbeats()
                lastHeartbeat = after
            }
            if after - lastTick >= Self.tickInterval {
                ledger.sample(at: after)
                recordGauges()
                onTick(status(now: after))
                lastTick = after
            }
            if isComplete {
                if finishSentAt == nil {
                    sendFinish(to: collectorID, reason: "all jobs committed")
                    finishSentAt = after
                }
                if collectorFinished && !ledger.finished {
                    ledger.finished = true
                    for worker in scheduler.workers {
                        sendFinish(to: route(worker), reason: "run complete")
                    }
                    appendJournal(.init("finished"))
                    logger.info(
                        "run complete",
                        metadata: ResourceUsage.logFields.merging(
                            [
                                "articles": "\(ledger.itemsCommitted)",
                                "referenced_articles": "\(cutter.referencedArticles)",
                                "split_jobs": "\(cutter.splitsCut)",
                                "held_peak_kb": "\(ledger.peakHeldBodyBytes >> 10)",
                            ], uniquingKeysWith: { $1 }))
                }
                if ledger.finished && (!settings.keepRunning || stop.count > 0) { break }
                if !collectorFinished && after - finishSentAt! > settings.finishTimeout {
                    logger.error("the collector did not confirm the end of the run")
                    break
                }
            } else if stop.count > 0 {
                if drainStarted == nil {
                    drainStarted = after
                    scheduler.setPaused(true)
                    logger.notice(
                        "stopping: waiting for jobs in flight", metadata: ["jobs": "\(scheduler.leasedCount)"]
                    )
                }
                let drained = scheduler.leasedCount == 0 && pendingDeadJobs.isEmpty
                if drained || stop.count > 1 || after - drainStarted! > settings.drainTimeout { break }
            }
        }
        let final = status(now: settings.clock())
        onTick(final)
        router.close()
        statusRouter?.close()
        authenticator.stop()
        connectionGuard.stop()
        return final
    }

    /// Publishes the gauges and the input counters (as deltas since the last call).
    private func recordGauges() {
        ClusterMetrics.jobsInFlight.record(scheduler.leasedCount)
        ClusterMetrics.jobsQueued.record(scheduler.queuedCount)
        ClusterMetrics.workersAlive.record(scheduler.workers.count)
        let read = cutter.itemsRead
        let stats = reader.stats
        let bytes = stats.bytesConsumed
        let fetches = (stats.fetchRequests, stats.fetchRetries, stats.fetchThrottled)
        for (counter, now, before) in [
            (ClusterMetrics.fetchRequests, fetches.0, ledger.reportedFetches.requests),
            (ClusterMetrics.fetchRetries, fetches.1, ledger.reportedFetches.retries),
            (ClusterMetrics.fetchThrottled, fetches.2, ledger.reportedFetches.throttled),
        ] where now > before {
            counter.increment(by: now - before)
        }
        ledger.reportedFetches = fetches
        if read > ledger.reportedItems {
            ClusterMetrics.articlesRead.increment(by: read - ledger.reportedItems)
        }
        if bytes > ledger.reportedBytes {
            ClusterMetrics.inputBytesRead.increment(by: Int(bytes - ledger.reportedBytes))
        }
        ledger.reportedItems = read
        ledger.reportedBytes = bytes
    }

    /// True once the input is exhausted and every job is committed.
    var isComplete: Bool { cutter.exhausted && ledger.jobs.isEmpty && pendingDeadJobs.isEmpty }

    /// Reads ahead just enough to keep every worker's credit in use: memory stays bounded.
    private func fillQueue() {
        let freeCredit = Saturating.sum(scheduler.workers.map { scheduler.credit(of: $0) })
        let target = max(4, Saturating.add(freeCredit, 2))
        let capped = !ledger.jobs.isEmpty && ledger.heldBodyBytes >= settings.maxHeldBodyBytes
        if capped && scheduler.queuedCount < target && !cutter.exhausted {
            if !readingPaused {
                readingPaused = true
                logger.info(
                    "reading paused: the held article bodies reached --max-held-mb",
                    metadata: ["held_kb": "\(ledger.heldBodyBytes >> 10)"])
            }
        } else if !capped {
            readingPaused = false
        }
        while scheduler.queuedCount < target,
            ledger.jobs.isEmpty || ledger.heldBodyBytes < settings.maxHeldBodyBytes,
            let job = cutter.next(from: reader)
        {
            watermark.cut(job: job.number, items: job.inputItems)
            if committedEarlier.remove(job.id) != nil {
                ledger.add(job)
                ledger.commit(job.id, items: recoveredSplitItems[job.id])
                watermark.committed(job: job.number)
                continue
            }
            ledger.add(job)
            scheduler.enqueue(job.id, leaseFactor: Self.leaseFactor(of: job))
        }
    }

    /// A split job's lease: one `--lease` per 2 MB of its range (a job of articles holds about
    /// 64; 2 MB of news pages hold about 100).
    static func leaseFactor(of job: JobContent) -> Int {
        guard let split = job.split else { return 1 }
        return max(1, Int(clamping: split.bytes >> 21))
    }

    func perform(_ actions: [JobScheduler.Action], now: Moment) {
        for action in actions {
            switch action {
            case .dispatch(let job, let attempt, let worker):
                dispatch(job, attempt: attempt, to: worker, now: now)
            case .requeued(let job, let failedAttempt, let reason):
                ledger.retries += 1
                ClusterMetrics.jobRetries.increment()
                appendJournal(.init("requeued", jobs: [job], reason: reason))
                logger.warning(
                    "job re-queued",
                    metadata: ["job": "\(job)", "attempt": "\(failedAttempt)", "reason": "\(reason)"])
            case .giveUp(let job, let attempts, let reason):
                ledger.givenUp += 1
                ClusterMetrics.jobsGivenUp.increment()
                appendJournal(.init("given_up", jobs: [job], reason: reason))
                ledger.giveUp(job, attempts: attempts, reason: reason)
                pendingDeadJobs.append(job)
                logger.error("job failed every attempt", metadata: ["job": "\(job)", "reason": "\(reason)"])
            case .workerDead(let worker):
                ledger.forget(worker)
                addresses[worker] = nil
                logger.warning("worker stopped responding", metadata: ["worker": "\(worker)"])
            case .quarantined(let worker, let expiries):
                logger.warning(
                    "worker quarantined: its leases keep expiring",
                    metadata: ["worker": "\(worker)", "expired": "\(expiries)"])
            }
        }
    }

    private func dispatch(_ jobID: String, attempt: Int, to worker: String, now: Moment) {
        guard let job = ledger.jobs[jobID] else { return }
        var header = JobHeader(job: job.id, attempt: attempt, articles: job.articles, failures: job.failures)
        header.split = job.split
        if let signer {
            let digest =
                job.split.map(LeaseSigner.digest(ofSplit:))
                ?? LeaseSigner.digest(ofIDs: job.articles.map(\.id) + job.failures.map(\.id))
            header.lease = LeaseGrant(
                worker: worker,
                token: signer.token(job: job.id, attempt: attempt, worker: worker, idsDigest: digest))
        }
        let frames = [route(worker), WireCodec.encode(.job, header)] + job.bodies
        do {
            if try router.send(frames, dontWait: true) { return }
            perform(
                scheduler.failed(jobID, reason: "worker \(worker) is not accepting messages", now: now),
                now: now)
        } catch {
            perform(
                scheduler.remove(worker, reason: "worker \(worker) unreachable: \(error)", now: now), now: now
            )
        }
    }

    private func flushDeadJobs() {
        guard let collectorID, !pendingDeadJobs.isEmpty else { return }
        var unsent: [String] = []
        for jobID in pendingDeadJobs {
            guard let lines = ledger.deadLetterLines(for: jobID) else { continue }
            let header = DeadJobHeader(
                job: jobID, count: lines.count, failedStages: ledger.failedStages(for: jobID))
            let sent =
                (try? router.send([collectorID, WireCodec.encode(.deadJob, header)] + lines, dontWait: true))
            if sent != true { unsent.append(jobID) }
        }
        pendingDeadJobs = unsent
    }

    /// The routing id of a worker known by `name`.
    func route(_ name: String) -> [UInt8] { addresses[name] ?? Array(name.utf8) }

    func sendFinish(to peer: [UInt8]?, reason: String) {
        guard let peer else { return }
        _ = try? router.send([peer, WireCodec.encode(.finish, FinishBody(reason: reason))], dontWait: true)
    }

    private func sendHeartbeats() {
        let frame = WireCodec.encode(.heartbeat, HeartbeatBody(figures: nil))
        for worker in scheduler.workers {
            _ = try? router.send([route(worker), frame], dontWait: true)
        }
        if let collectorID { _ = try? router.send([collectorID, frame], dontWait: true) }
    }
}
