import ArticlePipeline
import Foundation
import RemoteIO

/// Everything a worker needs to know; defaults suit a local run.
public struct WorkerSettings: Sendable {
    public var coordinator = "tcp://127.0.0.1:5555"
    public var collector = "tcp://127.0.0.1:5556"
    /// Articles processed at once (Dispatch width); by default the number of cores.
    public var threads = WorkerSettings.activeCores
    /// Jobs held at once; 2 per thread keeps every core busy across job boundaries.
    public var credit: Int?
    public var pipeline = PipelineSettings()
    /// Give up waiting for a coordinator that never answers (nil: wait forever).
    public var coordinatorTimeout: Duration?
    /// How long a draining worker may take to finish its jobs before it gives them back.
    public var drainTimeout: Duration = .seconds(60)
    /// Skip the pipeline (records carry only id, url and size): measures the transport alone.
    public var emptyPipeline = false
    /// CURVE client keys (off by default).
    public var curve = CurveSettings()
    /// Exit when this process is no longer our parent (children of `presswork run`).
    public var parentPID: Int32?
    /// The directories a job may reference input files in (`--input-root`); a reference to a file
    /// anywhere else is refused (dead-lettered), so a fake coordinator cannot make this worker read
    /// other files into records. Empty: every reference is refused.
    public var inputRoots: [String] = []
    /// How remote files of split and CDX jobs are fetched (S3 endpoint and credentials among it).
    public var remote = RemoteSettings()
    /// Bounds every received message is checked against.
    public var limits = WireLimits()
    /// The largest job (all frames together) a coordinator may send: a larger one is dropped
    /// without being copied and answered with `error`, and no frame may be larger than this.
    public var maxJobBytes = WireProtocol.maxJobMessageBytes

    public init() {}

    public var effectiveCredit: Int { credit ?? max(2, threads * 2) }

    /// The number of cores this process may use.
    public static var activeCores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
