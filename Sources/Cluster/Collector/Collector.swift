import Foundation
import Logging
import ScrapeIO
import ZeroMQ

/// The collector: receives results from workers, drops any for a job already committed, writes the
/// rest into the shards, commits atomically in groups and only then tells the coordinator which jobs
/// are committed. At-least-once delivery in, exactly-once output out.
public final class Collector {
    let settings: CollectorSettings
    let logger: Logger
    let stop: StopRequest
    let peer: PeerInfo
    private let authenticator: ZAPAuthenticator
    private let connectionGuard: ConnectionGuard
    private let pull: ZMQSocket
    private let dealer: ZMQSocket
    private let writer: ShardedJSONLWriter
    private var pending: [String] = []
    /// Records and dead letters of each pending job, in `pending` order.
    private var pendingItems: [Int] = []
    /// Split records that are not articles, by reason, in the pending jobs.
    private var pendingSkipped: [String: Int] = [:]
    private var pendingSet: Set<String> = []
    private var firstPending: Moment?
    private var figures = CollectorFigures()
    private var lastSent = Moment.now()
    private var finishRequested = false
    /// Failures by stage appended since the last commit (they count once committed).
    private var pendingStages: [String: Int] = [:]
    private let admission: ResultAdmission
    private let signer: LeaseSigner?
    private var warnings = WarningAggregator()

    public init(
        settings: CollectorSettings, context: ZMQContext, stop: StopRequest, logger: Logger
    ) throws(ClusterError) {
        self.settings = settings
        self.logger = logger
        self.stop = stop
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        peer = PeerInfo(id: "collector-\(host)-\(pid)", role: "collector", host: host, pid: pid, threads: 1)
        signer = settings.leaseKey.flatMap { LeaseSigner(key: $0) }
        admission = ResultAdmission(signer: signer)
        let openFiles = OpenFileLimit.raiseToHardLimit()
        if signer == nil {
            logger.warning("no lease key: results are not checked against leases (give --lease-key)")
        }
        do {
            writer = try ShardedJSONLWriter(
                directory: settings.output, settings: settings.shards, logger: logger)
        } catch {
            throw ClusterError("cannot open the output directory: \(error)")
        }
        authenticator = try ZAPAuthenticator(context: context, curve: settings.curve, logger: logger)
        let connectionGuard = try ConnectionGuard(
            context: context, caps: settings.connectionCaps.fitted(toOpenFiles: Int(clamping: openFiles)),
            sockets: 1, logger: logger)
        self.connectionGuard = connectionGuard
        pull = try Sockets.bound(
            context, type: .pull, at: settings.bind, curve: settings.curve,
            handshakeTimeout: settings.handshakeTimeout, watchedBy: (connectionGuard, 0)
        ) { (socket) throws(ZMQError) in try socket.setMaxMessageSize(settings.maxFrameBytes) }
        dealer = try Sockets.connected(
            context, type: .dealer, to: settings.coordinator, routingID: peer.id, curve: settings.curve)
        refreshFigures()
    }

    /// The endpoint workers push to (useful after binding port `*`).
    public var boundEndpoint: String { (try? pull.lastEndpoint) ?? settings.bind }

    /// Runs until the coordinator says the run is finished (then writes `_SUCCESS`) or a stop.
    public func run() throws(ClusterError) -> CollectorFigures {
        defer {
            // The guard reads the pull socket's monitor: stop it once the socket is closed.
            pull.close()
            authenticator.stop()
            connectionGuard.stop()
        }
        ClusterMetrics.announce(.collector)
        var poller = ZMQPoller()
        let pullIndex = poller.add(pull)
        let dealerIndex = poller.add(dealer)
        _ = poller.add(fileDescriptor: stop.wake.fileDescriptor)
        sayHello()
        logger.info("collector started", metadata: ["output": "\(settings.output)"])
        while true {
            let ready = try stop.poll(&poller, milliseconds: 50)
            if ready.contains(pullIndex) { drainResults() }
            if ready.contains(dealerIndex) { drainCoordinator() }
            let now = Moment.now()
            if let first = firstPending,
                pending.count >= settings.commitJobs || now - first >= settings.commitInterval
            {
                try commit()
            }
            if now - lastSent >= WireProtocol.heartbeatInterval {
                send(.heartbeat, HeartbeatBody(figures: nil))
            }
            if finishRequested {
                try commit()
                do {
                    try writer.finish(extra: ["pipeline_records": "\(figures.records)"])
                } catch {
                    throw ClusterError("cannot finish the output: \(error)")
                }
                refreshFigures()
                send(.finished, CommittedBody(jobs: [], figures: figures))
                logger.info(
                    "collector finished",
                    metadata: ResourceUsage.logFields.merging(
                        ["records": "\(figures.records)"], uniquingKeysWith: { $1 }))
                return figures
            }
            if stop.count > 0 {
                try commit()
                return figures
            }
            if let parent = settings.parentPID, getppid() != parent {
                logger.error("the parent process is gone; stopping without committing")
                return figures
            }
        }
    }

    private func sayHello() {
        send(
            .hello,
            HelloBody(
                peer: peer, credit: 0, committed: writer.committedJobs.sorted(),
                proof: signer?.collectorProof(peerID: peer.id)))
    }

    /// Counts failures by stage: known stage names only (others as `other`), never negative,
    /// never overflowing.
    private func count(_ stages: [String: Int]) {
        for (stage, n) in stages where n > 0 {
            let label = WireLimits.stageLabel(stage)
            pendingStages[label] = Saturating.add(pendingStages[label] ?? 0, n)
        }
    }

    private func send<Body: Codable>(_ kind: MessageKind, _ body: Body) {
        _ = try? dealer.send([WireCodec.encode(kind, body)], dontWait: true)
        lastSent = Moment.now()
    }

    private func drainResults() {
        let limits = settings.limits
        while let received = receive(on: pull, maxBytes: settings.maxResultBytes) {
            guard let frames = received.frames else {
                warnOversize(received)
                continue
            }
            do throws(WireError) {
                guard let header = frames.first, try WireCodec.kind(of: header) == .result else {
                    throw WireError("expected a result")
                }
                let result = try WireCodec.body(ResultHeader.self, from: header, limits: limits)
                let admitted = try admission.admit(result, lines: frames.dropFirst())
                guard accept(result.job, items: admitted.records.count + admitted.deadLetters.count) else {
                    continue
                }
                for (reason, n) in result.skipped ?? [:] {
                    pendingSkipped[reason] = Saturating.add(pendingSkipped[reason] ?? 0, n)
                }
                count(admitted.stages)
                for (id, line) in admitted.records { writer.append(id: id, line: line) }
                for line in admitted.deadLetters { writer.appendDeadLetter(line: line) }
            } catch {
                warnings.warn("dropped a result", detail: error.reason, logger: logger)
            }
        }
        warnings.report(to: logger)
    }

    private func drainCoordinator() {
        while let received = receive(on: dealer, maxBytes: WireProtocol.maxResultMessageBytes) {
            guard let frames = received.frames else {
                warnOversize(received)
                continue
            }
            do throws(WireError) {
                guard let header = frames.first else { throw WireError("an empty message") }
                switch try WireCodec.kind(of: header) {
                case .deadJob:
                    let dead = try WireCodec.body(DeadJobHeader.self, from: header, limits: settings.limits)
                    guard frames.count - 1 == dead.count else {
                        throw WireError(
                            "dead job \(dead.job) has \(frames.count - 1) lines, its header \(dead.count)")
                    }
                    guard accept(dead.job, items: dead.count) else { continue }
                    count(dead.failedStages)
                    for line in frames.dropFirst() { writer.appendDeadLetter(line: line) }
                case .finish:
                    finishRequested = true
                case .who:
                    sayHello()
                case .error:
                    // e.g. our hello refused: the coordinator and this collector hold different lease keys.
                    let body = try WireCodec.body(ErrorBody.self, from: header, limits: settings.limits)
                    warnings.warn("the coordinator refused a message", detail: body.reason, logger: logger)
                case .heartbeat:
                    break
                case let other:
                    throw WireError("unexpected '\(other.rawValue)' message to the collector")
                }
            } catch {
                warnings.warn("rejected a message from the coordinator", detail: error.reason, logger: logger)
            }
        }
    }

    /// The next message waiting on `socket`, received under the frame cap of `settings.limits` and
    /// `maxBytes`: libzmq caps each frame, this caps the message, dropping a larger one uncopied.
    private func receive(on socket: ZMQSocket, maxBytes: Int) -> BudgetedMessage? {
        (try? socket.receiveMultipart(
            maxTotalBytes: maxBytes, maxFrames: settings.limits.maxFrames, dontWait: true))
            ?? nil
    }

    /// A rate-limited log line for a message over the caps (its own kind, so a flood of other
    /// bad results does not hide it).
    private func warnOversize(_ message: BudgetedMessage) {
        guard case .oversize(let oversize) = message else { return }
        warnings.warn("dropped an oversize message", detail: oversize.description, logger: logger)
    }

    /// Whether a job's output is new: a job already committed or pending is a duplicate. A duplicate
    /// of a committed job means the coordinator re-ran it without knowing it was committed (its
    /// notice was lost with a coordinator that died): the commit is announced again.
    private func accept(_ job: String, items: Int) -> Bool {
        if writer.committedJobs.contains(job) {
            dropDuplicate()
            send(.committed, CommittedBody(jobs: [job], figures: figures))
            return false
        }
        if pendingSet.contains(job) {
            dropDuplicate()
            return false
        }
        pending.append(job)
        pendingItems.append(items)
        pendingSet.insert(job)
        if firstPending == nil { firstPending = Moment.now() }
        return true
    }

    private func dropDuplicate() {
        figures.duplicatesDropped += 1
        ClusterMetrics.duplicatesDropped.increment()
    }

    private func commit() throws(ClusterError) {
        guard !pending.isEmpty else { return }
        let started = Moment.now()
        let summary: CommitSummary
        do {
            summary = try writer.commit(jobs: pending)
        } catch {
            throw ClusterError("commit failed: \(error)")
        }
        ClusterMetrics.commitDuration.recordNanoseconds((Moment.now() - started).nanosecondsClamped)
        ClusterMetrics.recordsWritten.increment(by: summary.records)
        ClusterMetrics.outputBytes.increment(by: Int(summary.bytes))
        for (stage, n) in pendingStages {
            ClusterMetrics.deadLetters(stage: stage).increment(by: n)
            figures.failuresByStage[stage] = Saturating.add(figures.failuresByStage[stage] ?? 0, n)
        }
        pendingStages.removeAll()
        refreshFigures()
        send(
            .committed,
            CommittedBody(
                jobs: pending, figures: figures, items: pendingItems,
                skipped: pendingSkipped.isEmpty ? nil : pendingSkipped))
        pending.removeAll()
        pendingItems.removeAll()
        pendingSkipped.removeAll()
        pendingSet.removeAll()
        firstPending = nil
    }

    private func refreshFigures() {
        let stats = writer.stats
        figures.records = stats.records
        figures.failures = stats.failures
        figures.storedBytes = stats.storedBytes
        figures.files = stats.files
        figures.committedJobs = stats.committedJobs
        figures.connectionsRefused = connectionGuard.refused
    }
}
