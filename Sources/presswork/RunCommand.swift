import ArgumentParser
import Cluster
import Foundation
import RemoteIO
import ZeroMQ

/// `presswork run`: the embedded default, a whole cluster on this machine.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Process a scrape on this machine: coordinator, collector and workers as local processes.",
        discussion: """
            The same coordinator, worker and collector as on a cluster, talking over ZeroMQ ipc:// \
            sockets in a private temporary directory. Example:
              presswork run crawl.warc.gz -o out/
            """)

    @Argument(
        help: "Scrape inputs: .warc[.gz], .jsonl[.gz], folders of .html/.txt, http(s) URLs, or - for stdin.")
    var inputs: [String] = []

    @OptionGroup var inputList: InputListOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Worker processes.")
    var workers = 1

    @Option(help: "Threads per worker (default: the cores divided among the workers).")
    var threads: Int?

    @Option(help: "Articles per job.")
    var batch = 64

    @Flag(help: "No progress line.")
    var quiet = false

    @Flag(help: "Workers skip the pipeline (measures the transport alone; records carry only id, url, size).")
    var emptyPipeline = false

    @Flag(
        help: """
            Ship article bodies inside jobs for .warc and .warc.gz inputs too (by default the local \
            workers read those from the file themselves: the coordinator only decodes headers).
            """)
    var inlineBodies = false

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard workers >= 1 && workers <= 256 else { throw ValidationError("--workers must be 1…256") }
        guard batch >= 1 && batch <= 10_000 else { throw ValidationError("--batch must be 1…10000") }
    }

    func run() throws {
        let logger = try global.logger(label: "presswork.run")
        let started = Date()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("presswork-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let coordinatorEndpoint = "ipc://\(directory.path)/coordinator"
        let collectorEndpoint = "ipc://\(directory.path)/collector"
        let perWorker = threads ?? max(1, WorkerSettings.activeCores / workers)
        let resolver = try SettingsResolver(configPath: nil)
        let inputs = try inputList.inputs(given: self.inputs, resolver: resolver, logger: logger)
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (or --paths)") }

        var settings = CoordinatorSettings()
        settings.inputs = inputs
        settings.bind = coordinatorEndpoint
        settings.statusBind = nil
        settings.batchSize = batch
        settings.reader.handsOutReferences = !inlineBodies
        settings.reader.remote = try inputList.remote(resolver: resolver)
        // A fresh lease key for this run, shared with the collector through its environment (not
        // its command line, which other users can read).
        let leaseKey = LeaseSigner.randomKey()
        settings.leaseKey = leaseKey
        let inputRoots = Self.inputRoots(of: inputs)

        let children = ChildProcesses()
        defer { children.stopAll() }
        let status: RunStatus
        do {
            let stop = try StopRequest()
            let trap = SignalTrap(stop)
            let context = try ZMQContext()
            let coordinator = try Coordinator(
                settings: settings, context: context, stop: stop, logger: logger)
            let common = [
                "--log-level", global.logLevel, "--log-format", global.logFormat, "--exit-with-parent",
                "\(getpid())",
            ]
            try children.start(
                "collector",
                arguments: [
                    "collector", "--bind", collectorEndpoint, "--coordinator", coordinatorEndpoint,
                    "-o", output.output, "--shards", "\(output.shards)", "--compression", output.compression,
                ]
                    + (output.level.map { ["--level", "\($0)"] } ?? []) + common,
                environment: [LeaseKeyOptions.environmentName: Hex.encode(leaseKey)])
            for index in 0..<workers {
                try children.start(
                    "worker \(index + 1)",
                    arguments: [
                        "worker", "--coordinator", coordinatorEndpoint, "--collector", collectorEndpoint,
                        "--threads", "\(perWorker)",
                    ] + inputRoots.flatMap { ["--input-root", $0] }
                        + (emptyPipeline ? ["--empty-pipeline"] : [])
                        + common)
            }
            var progress = ProgressBar()
            var childFailure: String?
            status = try coordinator.run { status in
                if !quiet { progress.draw(status) }
                if childFailure == nil, let failed = children.failed {
                    childFailure = "\(failed.name) exited with status \(failed.status)"
                    stop.request()
                    stop.request()
                }
            }
            if !quiet { progress.end() }
            if let childFailure { throw ClusterError(childFailure) }
            children.waitAll(timeout: 30)
            withExtendedLifetime(trap) {}
        } catch {
            logger.critical("run failed: \(error)")
            FileHandle.standardError.write(Data("presswork: run failed: \(error)\n".utf8))
            throw PressworkExit.fatal
        }
        let summary = RunSummary(
            status: status, wallSeconds: Date().timeIntervalSince(started), output: output.output)
        print(summary.text)
        throw RunSummary.exitCode(for: status)
    }

    /// The directories the local workers may read referenced inputs in: those of the inputs named
    /// on the command line (a folder input is its own root).
    static func inputRoots(of inputs: [String]) -> [String] {
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
