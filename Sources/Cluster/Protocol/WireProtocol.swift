/// Constants of the Presswork wire protocol, shared by every role.
///
/// Every message is a ZeroMQ multipart message whose first frame (after the ROUTER routing id,
/// where there is one) is a small JSON header carrying `v` (the protocol version) and `t` (the
/// message kind). Article bodies and record lines travel as raw frames after the header, so HTML is
/// never JSON-escaped on the wire.
public enum WireProtocol {
    /// Bumped on any incompatible change; a peer with another version gets an `error` reply.
    /// 2: jobs may carry references to payloads in plain WARC files (`ArticleMeta.payload`).
    /// 3: jobs carry a signed lease that results echo; the collector's `hello` carries a proof.
    /// 4: a job may be a split (`JobHeader.split`: a byte range of a WARC.gz file its worker reads);
    ///    commit notices count each job's items.
    public static let version = 4
    /// How often a peer that has nothing else to say sends a heartbeat (any traffic counts).
    public static let heartbeatInterval: Duration = .milliseconds(500)
    /// A peer silent for this many heartbeat intervals is considered dead.
    public static let heartbeatLiveness = 3
    /// The largest message a socket accepts (ZMQ_MAXMSGSIZE): a job of articles at their size cap.
    public static let maxMessageBytes: Int64 = 512 << 20
    /// The largest message (all frames) a coordinator accepts from a worker or the collector: only
    /// headers travel that way (a restarted collector's `hello` lists every committed job id).
    public static let maxControlMessageBytes = 32 << 20
    /// The largest status request (all frames) the coordinator's status socket accepts.
    public static let maxStatusRequestBytes = 4_096
    /// The largest result message (header, record and dead-letter lines) a collector accepts.
    public static let maxResultMessageBytes = 1 << 30
    /// The largest job message (header and article bodies) a worker accepts: a default batch of
    /// 64 articles at the coordinator's 16-MiB article cap.
    public static let maxJobMessageBytes = 1 << 30
    /// How long a new connection to a bound socket may take to greet (and, with CURVE, to pass
    /// the key exchange) before it is closed: libzmq's default is 30 s.
    public static let handshakeTimeout: Duration = .seconds(5)
    /// Status replies queued for one client: one that does not read them gets no more.
    public static let statusHighWaterMark: Int32 = 16
    /// Send/receive high-water marks: with credit-based flow control these are only a backstop.
    public static let highWaterMark: Int32 = 1_000
}

/// The kinds of message, as the header's `t` field spells them.
public enum MessageKind: String, Codable, Sendable {
    // worker → coordinator
    case hello, credit, heartbeat, draining, bye
    // coordinator → worker
    case job, finish, who
    // collector → coordinator
    case committed, finished
    // coordinator → collector
    case deadJob = "dead_job"
    // worker → collector
    case result
    // either way
    case error
    // status client ↔ coordinator
    case statusRequest = "status_request", statusReply = "status_reply"
}
