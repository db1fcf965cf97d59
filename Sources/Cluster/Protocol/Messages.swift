import ArticlePipeline
import ScrapeIO

/// Who a peer is, as it says in its `hello`.
public struct PeerInfo: Codable, Sendable, Equatable {
    public var id: String
    public var role: String
    public var host: String
    public var pid: Int32
    public var threads: Int

    public init(id: String, role: String, host: String, pid: Int32, threads: Int) {
        self.id = id
        self.role = role
        self.host = host
        self.pid = pid
        self.threads = threads
    }
}

/// `hello`: a worker or the collector joins; `credit` is how many more jobs a worker can take.
public struct HelloBody: Codable, Sendable {
    public var peer: PeerInfo
    public var credit: Int
    /// From the collector: every job id already committed in its output, so that a coordinator
    /// that (re)starts learns them.
    public var committed: [String]?
    /// From the collector: proof that it holds the lease key (`LeaseSigner.collectorProof`), so
    /// that no other peer can take its place and announce commits.
    public var proof: String?
}

/// `credit`: a worker can take `n` more jobs; `done` names the job whose result it just pushed to
/// the collector (delivered, awaiting commit).
public struct CreditBody: Codable, Sendable {
    public var n: Int
    public var done: String?
}

/// `bye`: a worker leaves; `returned` lists jobs it gives back unfinished (re-queued at once).
public struct ByeBody: Codable, Sendable {
    public var returned: [String]
}

/// A worker's running figures, sent with heartbeats and shown by status.
public struct WorkerFigures: Codable, Sendable, Equatable {
    public var jobsHeld = 0
    public var articlesDone = 0
    public var articlesFailed = 0
    public init() {}
}

/// `heartbeat`: nothing else to say; workers attach their figures.
public struct HeartbeatBody: Codable, Sendable {
    public var figures: WorkerFigures?
}

/// `job` header: the articles (one body frame each, in order) and failures found while reading,
/// which travel with the job so that they reach the dead-letter shard through the same commit.
public struct JobHeader: Codable, Sendable {
    public var job: String
    public var attempt: Int
    public var articles: [ArticleMeta]
    public var failures: [DeadLetter]
    /// The lease of this hand-out, echoed in the result so the collector can check it.
    public var lease: LeaseGrant?
    /// Set for a split job (no articles, no failures): the byte range of a WARC.gz file the worker
    /// reads by itself (protocol version 4).
    public var split: FileSplit?
}

/// A hand-out of a job (job, attempt, worker) signed by the coordinator with the key it shares with
/// the collector; the token also covers the ids of the job's articles (see `LeaseSigner`).
public struct LeaseGrant: Codable, Sendable, Equatable {
    /// The worker the job was handed to, as the coordinator names it.
    public var worker: String
    /// Hex HMAC-SHA256.
    public var token: String

    public init(worker: String, token: String) {
        self.worker = worker
        self.token = token
    }
}

/// `result` header from a worker: one frame per record line (in `ids` order), then one frame per
/// dead-letter line.
public struct ResultHeader: Codable, Sendable {
    public var job: String
    public var attempt: Int
    public var worker: String
    public var ids: [String]
    public var deadLetters: Int
    /// Dead-letter lines by the stage that failed.
    public var failedStages: [String: Int]
    /// The job header's lease, echoed.
    public var lease: LeaseGrant?
    /// The job header's split, echoed: the lease of a split job covers the split, not the ids.
    public var split: FileSplit?
    /// Records of a split passed over on purpose (not articles), by reason, as its reader counted.
    public var skipped: [String: Int]?
}

/// `dead_job` from the coordinator to the collector: a job that failed every attempt; the
/// dead-letter lines follow as frames.
public struct DeadJobHeader: Codable, Sendable {
    public var job: String
    public var count: Int
    public var failedStages: [String: Int]
}

/// The collector's running figures.
public struct CollectorFigures: Codable, Sendable, Equatable {
    public var records = 0
    public var failures = 0
    public var storedBytes: Int64 = 0
    public var files = 0
    public var duplicatesDropped = 0
    public var committedJobs = 0
    /// Dead-letter rows committed, by the stage that failed (`read`, `limits`, `decode`, …).
    public var failuresByStage: [String: Int] = [:]
    /// Connections to the result socket refused over a cap (absent from collectors before it).
    public var connectionsRefused: Int?
    public init() {}
}

/// `committed`: these jobs are durable in the output.
public struct CommittedBody: Codable, Sendable {
    public var jobs: [String]
    public var figures: CollectorFigures
    /// Records and dead letters written for each job, in `jobs` order: how the coordinator learns
    /// what a split job held.
    public var items: [Int]?
    /// Records of the committed split jobs that are not articles, by reason (summed over the jobs).
    public var skipped: [String: Int]?

    public init(jobs: [String], figures: CollectorFigures, items: [Int]? = nil, skipped: [String: Int]? = nil)
    {
        self.jobs = jobs
        self.figures = figures
        self.items = items
        self.skipped = skipped
    }
}

/// `finish` to a worker or the collector: the run is complete; `finished` is the collector's reply.
public struct FinishBody: Codable, Sendable {
    public var reason: String
}

/// `error`: the peer could not understand us.
public struct ErrorBody: Codable, Sendable {
    public var reason: String
}
