/// What `presswork status` shows and `status --json` prints: one snapshot of a run, as the
/// coordinator sees it (it also holds the collector's figures). `status --json` prints the field
/// names in snake_case (`articles_committed`, `recent_articles_per_second`); they are stable for
/// scripts and listed in the README.
public struct RunStatus: Codable, Sendable, Equatable {
    /// `running`, `draining` (stopping, finishing in-flight work), `finished` or `failed`.
    public var state: String
    public var elapsedSeconds: Double
    /// Articles read from the input (including ones that failed to read).
    public var articlesRead: Int
    /// Articles whose job is committed in the output (records plus failures).
    public var articlesCommitted: Int
    /// Articles committed to the dead-letter shard.
    public var articlesFailed: Int
    public var articlesInFlight: Int
    public var articlesQueued: Int
    /// Estimated articles in the whole input, when the input size is known.
    public var articlesTotalEstimate: Int?
    public var inputDone: Bool
    public var inputBytesRead: UInt64
    public var inputBytesTotal: UInt64?
    /// Input records that are not articles (WARC request/warcinfo records, non-2xx or non-HTML
    /// responses, ignored files), by reason: counted, never silently dropped.
    public var inputSkipped: [String: Int] = [:]
    public var recentArticlesPerSecond: Double
    public var overallArticlesPerSecond: Double
    public var megabytesPerSecond: Double
    public var etaSeconds: Double?
    public var jobsCommitted: Int
    public var jobsRetried: Int
    public var jobsGivenUp: Int
    public var workers: [WorkerRow]
    public var collector: CollectorFigures?
    /// Connections to the coordinator's job and status sockets refused over a cap (see
    /// `ConnectionCaps`); absent from coordinators before it.
    public var connectionsRefused: Int?
    /// The remote inputs the coordinator streamed (the last 100, then the one being read): bytes
    /// fetched, requests, retries and throttled retries of each. Absent when there were none.
    public var remoteInputs: [RemoteInputRow]? = nil

    /// One remote input's fetch figures.
    public struct RemoteInputRow: Codable, Sendable, Equatable {
        public var url: String
        public var bytesFetched: UInt64
        public var requests: Int
        public var retries: Int
        public var throttled: Int
        public var error: String?
        public var done: Bool
    }

    /// One row per live worker.
    public struct WorkerRow: Codable, Sendable, Equatable {
        public var id: String
        public var host: String
        public var pid: Int32
        public var threads: Int
        public var jobsHeld: Int
        public var articlesDone: Int
        public var articlesFailed: Int
        public var articlesPerSecond: Double
        public var lastHeartbeatSeconds: Double
    }
}
