import Foundation
import RemoteIO
import ScrapeIO

/// What `presswork run` starts on this machine: the coordinator in its own process, and one
/// collector and `workers` workers as child processes of the same executable, all talking over
/// ipc:// sockets in a private directory. The plan holds the children's command lines and the
/// coordinator's settings; starting them is the caller's (`ChildProcesses`).
public struct LocalClusterPlan: Sendable {
    /// One child process: a name for messages, its arguments (after the executable) and the
    /// environment variables it gets on top of ours.
    public struct Child: Sendable, Equatable {
        public var name: String
        public var arguments: [String]
        public var environment: [String: String]
    }

    /// The environment variable the collector reads the run's lease key from: not its command
    /// line, which other users can read.
    public static let leaseKeyVariable = "PRESSWORK_LEASE_KEY"

    public var inputs: [String]
    /// The directory of the ipc:// sockets (private to the run).
    public var socketDirectory: String
    public var output: String
    public var shards: Int
    public var compression: String
    public var level: Int?
    public var workers: Int
    public var threadsPerWorker: Int
    public var batchSize: Int
    /// Hand out references for .warc and .warc.gz inputs (the workers read the bodies).
    public var byReference: Bool
    public var emptyPipeline: Bool
    /// How the coordinator fetches remote (http, https) inputs.
    public var remote: RemoteSettings
    /// The size of split jobs for local WARC.gz inputs (with `byReference`); nil: no splits.
    public var splitBytes: UInt64?
    /// With `splitBytes`: http(s) WARC.gz inputs are split too (workers fetch their ranges).
    public var splitsRemoteFiles = ReaderSettings().splitsRemoteFiles
    /// CDX indexes among the inputs and the records to select from them.
    public var cdx = CdxSelection()
    /// Folders (or URL prefixes) the workers may read besides the inputs' own (the `--base` of CDX
    /// file names).
    public var extraInputRoots: [String] = []
    public var logLevel: String
    public var logFormat: String
    /// The running process, whose exit the children follow.
    public var parentPID: Int32
    /// The lease key the coordinator signs with and the collector checks (fresh for every run).
    public var leaseKey: [UInt8]

    public init(
        inputs: [String], socketDirectory: String, output: String, shards: Int, compression: String,
        level: Int?, workers: Int, threadsPerWorker: Int, batchSize: Int, byReference: Bool,
        emptyPipeline: Bool, remote: RemoteSettings = RemoteSettings(), splitBytes: UInt64? = nil,
        logLevel: String, logFormat: String,
        parentPID: Int32,
        leaseKey: [UInt8]
    ) {
        self.inputs = inputs
        self.socketDirectory = socketDirectory
        self.output = output
        self.shards = shards
        self.compression = compression
        self.level = level
        self.workers = workers
        self.threadsPerWorker = threadsPerWorker
        self.batchSize = batchSize
        self.byReference = byReference
        self.emptyPipeline = emptyPipeline
        self.remote = remote
        self.splitBytes = splitBytes
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.parentPID = parentPID
        self.leaseKey = leaseKey
    }

    public var coordinatorEndpoint: String { "ipc://\(socketDirectory)/coordinator" }
    public var collectorEndpoint: String { "ipc://\(socketDirectory)/collector" }

    /// The coordinator's settings: bound on the private socket, no status socket.
    public var coordinatorSettings: CoordinatorSettings {
        var settings = CoordinatorSettings()
        settings.inputs = inputs
        settings.bind = coordinatorEndpoint
        settings.statusBind = nil
        settings.batchSize = batchSize
        settings.reader.handsOutReferences = byReference
        settings.reader.remote = remote
        settings.reader.splitBytes = splitBytes
        settings.reader.cdx = cdx
        settings.reader.splitsRemoteFiles = splitsRemoteFiles
        settings.leaseKey = leaseKey
        return settings
    }

    /// The collector first, then the workers.
    public var children: [Child] {
        // The children get every setting as a flag: a config file given to `run` is read by `run`
        // alone (its keys name `run`'s options), so a cluster's file cannot turn on, say, CURVE
        // for the children of a local run.
        let common = [
            "--log-level", logLevel, "--log-format", logFormat, "--exit-with-parent", "\(parentPID)",
        ]
        let collector = Child(
            name: "collector",
            arguments: [
                "collector", "--bind", collectorEndpoint, "--coordinator", coordinatorEndpoint, "-o", output,
                "--shards", "\(shards)", "--compression", compression,
            ] + (level.map { ["--level", "\($0)"] } ?? []) + common,
            environment: [Self.leaseKeyVariable: Hex.encode(leaseKey)])
        let remoteRoots = (extraInputRoots + (splitsRemoteFiles ? inputs : [])).filter(
            RemoteLocation.isRemote)
        var workerArguments = [
            "worker", "--coordinator", coordinatorEndpoint, "--collector", collectorEndpoint,
            "--threads", "\(threadsPerWorker)",
        ]
        workerArguments += (Self.inputRoots(of: inputs + extraInputRoots) + remoteRoots).flatMap {
            ["--input-root", $0]
        }
        workerArguments += remote.s3.endpoint.map { ["--s3-endpoint", $0] } ?? []
        workerArguments += ["--fetch-attempts", "\(remote.retry.maxAttempts)"]
        workerArguments += (emptyPipeline ? ["--empty-pipeline"] : []) + common
        let workers = (0..<workers).map {
            Child(name: "worker \($0 + 1)", arguments: workerArguments, environment: s3Environment)
        }
        return [collector] + workers
    }

    /// The S3 region and credentials `run` resolved (from its environment or config file), for the
    /// workers that fetch split and CDX ranges: in their environment, not on a command line that
    /// other users can read.
    var s3Environment: [String: String] {
        var environment = ["AWS_REGION": remote.s3.region]
        if let credentials = remote.s3.credentials {
            environment["AWS_ACCESS_KEY_ID"] = credentials.accessKeyID
            environment["AWS_SECRET_ACCESS_KEY"] = credentials.secretAccessKey
            environment["AWS_SESSION_TOKEN"] = credentials.sessionToken
        }
        return environment
    }

    /// The directories the local workers may read referenced inputs in: those of the local inputs
    /// named on the command line (a folder input is its own root; remote inputs have none).
    public static func inputRoots(of inputs: [String]) -> [String] {
        var roots: [String] = []
        for input in inputs where input != "-" && !RemoteLocation.isRemote(input) {
            let url = URL(fileURLWithPath: input).standardizedFileURL
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let root = isDirectory.boolValue ? url.path : url.deletingLastPathComponent().path
            if !roots.contains(root) { roots.append(root) }
        }
        return roots
    }
}
