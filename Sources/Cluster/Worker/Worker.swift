import Foundation
import Logging
import ZeroMQ

/// A worker: asks the coordinator for jobs against credit, runs their articles on every core,
/// pushes the records to the collector and gives the credit back. One thread owns its sockets;
/// the Dispatch lanes hand finished jobs back through a queue and a wake-up signal.
public final class Worker {
    let settings: WorkerSettings
    let logger: Logger
    let stop: StopRequest
    let peer: PeerInfo
    private let dealer: ZMQSocket
    private let push: ZMQSocket
    private let finished = LockedQueue<FinishedJob>()
    private var lanes: ArticleLanes!
    private var held: Set<String> = []
    private var drainStarted: Moment?
    private var figures = WorkerFigures()
    /// Results waiting for the collector's socket to accept them.
    private var outbox: [(job: String, frames: [[UInt8]])] = []
    private var lastHeartbeat = Moment.now()
    private var lastHeard = Moment.now()
    private var finishRequested = false
    private var warnings = WarningAggregator()

    public init(
        settings: WorkerSettings, context: ZMQContext, stop: StopRequest, logger: Logger
    ) throws(ClusterError) {
        self.settings = settings
        self.logger = logger
        self.stop = stop
        let host = ProcessInfo.processInfo.hostName
        let pid = ProcessInfo.processInfo.processIdentifier
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        peer = PeerInfo(
            id: "w-\(host)-\(pid)-\(suffix)", role: "worker", host: host, pid: pid, threads: settings.threads)
        dealer = try Sockets.connected(
            context, type: .dealer, to: settings.coordinator, routingID: peer.id, curve: settings.curve,
            maxFrameBytes: Int64(settings.maxJobBytes))
        push = try Sockets.connected(context, type: .push, to: settings.collector, curve: settings.curve)
        let wake = stop.wake
        let finished = self.finished
        lanes = ArticleLanes(
            threads: settings.threads, pipeline: settings.pipeline, emptyPipeline: settings.emptyPipeline,
            inputRoots: settings.inputRoots, remote: settings.remote
        ) { job in
            finished.append(job)
            wake.wake()
        }
    }

    /// Runs until the coordinator says the run is finished, or a stop request has been honoured.
    public func run() throws(ClusterError) -> WorkerFigures {
        defer { lanes.shutdown() }
        ClusterMetrics.announce(.worker)
        var poller = ZMQPoller()
        let dealerIndex = poller.add(dealer)
        _ = poller.add(fileDescriptor: stop.wake.fileDescriptor)
        sayHello()
        logger.info("worker started", metadata: ["id": "\(peer.id)", "threads": "\(settings.threads)"])
        while true {
            let ready = try stop.poll(&poller, milliseconds: 100)
            if ready.contains(dealerIndex) { drainCoordinator() }
            shipFinishedJobs()
            let now = Moment.now()
            if now - lastHeartbeat >= WireProtocol.heartbeatInterval {
                // Sent even when other traffic flows: it carries the figures `status` shows.
                send(.heartbeat, HeartbeatBody(figures: figures))
                lastHeartbeat = now
            }
            if let timeout = settings.coordinatorTimeout, now - lastHeard > timeout {
                throw ClusterError("no word from the coordinator at \(settings.coordinator) for \(timeout)")
            }
            if stop.count > 0 && drainStarted == nil {
                drainStarted = now
                send(.draining, EmptyBody())
                logger.info("draining: finishing held jobs", metadata: ["held": "\(held.count)"])
            }
            let draining = finishRequested || stop.count > 0
            if draining && held.isEmpty && outbox.isEmpty { break }
            if stop.count > 1 || drainStarted.map({ now - $0 > settings.drainTimeout }) == true {
                logger.warning(
                    "stopping without finishing; giving jobs back", metadata: ["held": "\(held.count)"])
                break
            }
            if let parent = settings.parentPID, getppid() != parent {
                logger.error("the parent process is gone; stopping")
                break
            }
        }
        if finishRequested {
            // The run is over and the coordinator may already have closed its socket: a goodbye
            // nobody reads would hold this process for the whole linger time at exit.
            try? dealer.setLinger(milliseconds: 0)
            try? push.setLinger(milliseconds: 0)
        } else {
            send(.bye, ByeBody(returned: held.sorted()))
        }
        logger.info(
            "worker finished",
            metadata: ResourceUsage.logFields.merging(
                ["articles": "\(figures.articlesDone)", "failed": "\(figures.articlesFailed)"],
                uniquingKeysWith: { $1 }))
        return figures
    }

    private func sayHello() {
        let free = stop.count > 0 ? 0 : max(0, settings.effectiveCredit - held.count)
        send(.hello, HelloBody(peer: peer, credit: free, committed: nil))
    }

    private func send<Body: Codable>(_ kind: MessageKind, _ body: Body) {
        _ = try? dealer.send([WireCodec.encode(kind, body)], dontWait: true)
    }

    /// Handles every message waiting from the coordinator: a header and at most one body per
    /// article of the largest job, `settings.maxJobBytes` in all (a larger message is dropped
    /// uncopied and answered with `error`).
    private func drainCoordinator() {
        while let message = receiveFromCoordinator() {
            lastHeard = Moment.now()
            guard let frames = message.frames, let header = frames.first else {
                if case .oversize(let oversize) = message {
                    warnings.warn(
                        "dropped an oversize message from the coordinator", detail: oversize.description,
                        logger: logger)
                    send(.error, ErrorBody(reason: oversize.description))
                }
                continue
            }
            do throws(WireError) {
                switch try WireCodec.kind(of: header) {
                case .job:
                    let job = try WireCodec.body(JobHeader.self, from: header, limits: settings.limits)
                    let bodies = Array(frames.dropFirst())
                    guard bodies.count == job.articles.count else {
                        throw WireError(
                            "job \(job.job) has \(bodies.count) bodies for \(job.articles.count) articles")
                    }
                    held.insert(job.job)
                    figures.jobsHeld = held.count
                    ClusterMetrics.jobsHeld.record(held.count)
                    lanes.submit(job, bodies: bodies)
                case .finish:
                    finishRequested = true
                case .who:
                    sayHello()
                case .error:
                    let body = try WireCodec.body(ErrorBody.self, from: header, limits: settings.limits)
                    logger.error(
                        "coordinator reported an error",
                        metadata: ["reason": "\(LogText.escaped(body.reason))"])
                case .heartbeat:
                    break
                case let other:
                    throw WireError("unexpected '\(other.rawValue)' message to a worker")
                }
            } catch {
                warnings.warn("rejected a message from the coordinator", detail: error.reason, logger: logger)
                send(.error, ErrorBody(reason: error.reason))
            }
        }
    }

    /// The next message from the coordinator within the job budgets, or an oversize one; nil when
    /// none is waiting (or the socket failed).
    private func receiveFromCoordinator() -> BudgetedMessage? {
        (try? dealer.receiveMultipart(
            maxTotalBytes: settings.maxJobBytes, maxFrames: settings.limits.maxArticlesPerJob + 1,
            dontWait: true)) ?? nil
    }

    /// Pushes finished jobs to the collector and returns their credit to the coordinator.
    private func shipFinishedJobs() {
        for job in finished.takeAll() {
            let header = ResultHeader(
                job: job.header.job, attempt: job.header.attempt, worker: peer.id, ids: job.ids,
                deadLetters: job.deadLetters.count, failedStages: job.failedStages, lease: job.header.lease,
                split: job.header.split, skipped: job.skipped)
            outbox.append(
                (job.header.job, [WireCodec.encode(.result, header)] + job.records + job.deadLetters))
            figures.articlesDone += job.header.articles.count
            figures.articlesFailed += job.failedArticles
        }
        while let message = outbox.first {
            guard (try? push.send(message.frames, dontWait: true)) == true else { break }
            outbox.removeFirst()
            held.remove(message.job)
            figures.jobsHeld = held.count
            ClusterMetrics.jobsHeld.record(held.count)
            let more = stop.count == 0 && !finishRequested ? 1 : 0
            send(.credit, CreditBody(n: more, done: message.job))
        }
    }
}
