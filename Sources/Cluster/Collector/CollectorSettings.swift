import ScrapeIO

/// Everything the collector needs to know; defaults suit a local run.
public struct CollectorSettings: Sendable {
    /// Where workers push results (PULL).
    public var bind = "tcp://127.0.0.1:5556"
    /// The coordinator's ROUTER, to report commits.
    public var coordinator = "tcp://127.0.0.1:5555"
    public var output = "out"
    public var shards = ShardSettings()
    /// Commit at least this often while results arrive (group commit: one fsync for many jobs).
    public var commitInterval: Duration = .milliseconds(200)
    /// …or as soon as this many jobs are pending.
    public var commitJobs = 64
    /// CURVE keys: server keys for the result socket, client keys towards the coordinator.
    public var curve = CurveSettings()
    /// The key the coordinator signs leases with: only results carrying a valid lease are written
    /// (nil: results are not checked against leases).
    public var leaseKey: [UInt8]?
    /// The largest frame (one record line) a worker may push: a record is never much larger than
    /// the article it comes from, which the coordinator caps at 16 MiB by default.
    public var maxFrameBytes: Int64 = 64 << 20
    /// The largest result (all frames together) a worker may push: a larger one is dropped
    /// without being copied.
    public var maxResultBytes = WireProtocol.maxResultMessageBytes
    /// Bounds every received message is checked against.
    public var limits = WireLimits()
    /// How long a new connection to the result socket may take to finish its handshake before it
    /// is closed, so peers that connect and say nothing do not hold descriptors.
    public var handshakeTimeout: Duration = WireProtocol.handshakeTimeout
    /// Connections the bound sockets hold at once, from one address and in total.
    public var connectionCaps = ConnectionCaps()
    /// Exit when this process is no longer our parent (children of `presswork run`).
    public var parentPID: Int32?

    public init() {}
}
