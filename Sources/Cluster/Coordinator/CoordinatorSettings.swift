import ScrapeIO

/// Everything the coordinator needs to know; defaults suit a local run.
public struct CoordinatorSettings: Sendable {
    public var inputs: [String] = []
    /// Where workers and the collector connect (ROUTER).
    public var bind = "tcp://127.0.0.1:5555"
    /// Where `presswork status` asks (ROUTER); nil for none.
    public var statusBind: String? = "tcp://127.0.0.1:5557"
    /// Articles per job.
    public var batchSize = 64
    /// Article bodies the coordinator may hold at once (queued, in flight, delivered and awaiting
    /// commit): past it, no new job is cut until commits free room, so memory stays bounded even
    /// when the collector falls behind. At least one job is always held. References count nothing.
    public var maxHeldBodyBytes = 512 << 20
    /// Larger articles go straight to dead-letter (stage `limits`).
    public var maxArticleBytes = 16 << 20
    public var scheduler = JobScheduler.Settings()
    public var reader = ReaderSettings()
    /// How long to wait for the collector's last commit and `finished` at the end of a run.
    public var finishTimeout: Duration = .seconds(60)
    /// Stay up after the run is complete (for status), until stopped.
    public var keepRunning = false
    /// The journal directory (append-only record of commits, for `resume`); nil for none.
    public var journal: String?
    /// Continue the run recorded in `journal` without redoing committed work.
    public var resume = false
    /// How long a stopping coordinator waits for jobs in flight to be committed.
    public var drainTimeout: Duration = .seconds(60)
    /// CURVE keys for the job and status sockets (off by default).
    public var curve = CurveSettings()
    /// The key lease tokens are signed with, shared with the collector (nil: results are not
    /// bound to leases).
    public var leaseKey: [UInt8]?
    /// Bounds every received message is checked against.
    public var limits = WireLimits()
    /// How long a new connection to the job or status socket may take to finish its handshake
    /// before it is closed, so peers that connect and say nothing do not hold descriptors.
    public var handshakeTimeout: Duration = WireProtocol.handshakeTimeout
    /// Connections the bound sockets hold at once, from one address and in total.
    public var connectionCaps = ConnectionCaps()
    /// Where the coordinator reads the time for leases, liveness, heartbeats and rates: the
    /// monotonic clock, except in tests that drive time by hand.
    public var clock: @Sendable () -> Moment = { Moment.now() }

    public init() {}
}
