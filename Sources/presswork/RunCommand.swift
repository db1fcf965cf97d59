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
            sockets in a private temporary directory. Every option can also come from a \
            PRESSWORK_<OPTION> environment variable or the --config file; flags win. Example:
              presswork run crawl.warc.gz -o out/
            """)

    @Argument(
        help: "Scrape inputs: .warc[.gz], .jsonl[.gz], folders of .html/.txt, http(s) URLs, or - for stdin.")
    var inputs: [String] = []

    @OptionGroup var inputList: InputListOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Worker processes (default 1).")
    var workers: Int?

    @Option(help: "Threads per worker (default: the cores divided among the workers).")
    var threads: Int?

    @Option(help: "Articles per job (default 64).")
    var batch: Int?

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

    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let resolver = try config.resolver()
        let logging = try global.logging(resolver)
        let logger = try global.logger(label: "presswork.run", resolver: resolver)
        let inputs = try inputList.inputs(
            given: self.inputs.isEmpty
                ? (resolver.lookup("inputs")?.split(separator: " ").map(String.init) ?? []) : self.inputs,
            resolver: resolver, logger: logger)
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (or --paths)") }
        let output = try output.resolve(resolver)
        let workers = try resolver.int("workers", flag: workers, default: 1)
        guard workers >= 1 && workers <= 256 else { throw ValidationError("--workers must be 1…256") }
        let batch = try resolver.int("batch", flag: batch, default: 64)
        guard batch >= 1 && batch <= 10_000 else { throw ValidationError("--batch must be 1…10000") }
        let perWorker = try resolver.int(
            "threads", flag: threads, default: max(1, WorkerSettings.activeCores / workers))
        let quiet = try resolver.bool("quiet", flag: quiet)

        let started = Date()
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("presswork-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let byReference = !(try resolver.bool("inline-bodies", flag: inlineBodies))
        let cdx = try inputList.cdxSelection(resolver: resolver)
        if !cdx.indexes.isEmpty && !byReference {
            throw ValidationError(
                "--cdx cannot go with --inline-bodies: workers read the selected records themselves")
        }
        var plan = LocalClusterPlan(
            inputs: inputs, socketDirectory: directory.path, output: output.directory,
            shards: output.shards.shards, compression: output.shards.compression.rawValue,
            level: output.shards.level, workers: workers, threadsPerWorker: perWorker, batchSize: batch,
            byReference: byReference,
            emptyPipeline: try resolver.bool("empty-pipeline", flag: emptyPipeline),
            remote: try inputList.remote(resolver: resolver),
            splitBytes: try inputList.splitBytes(resolver: resolver), logLevel: logging.level.rawValue,
            logFormat: logging.format, parentPID: getpid(), leaseKey: LeaseSigner.randomKey())
        plan.cdx = cdx
        plan.splitsRemoteFiles = try inputList.splitsRemote(resolver: resolver)
        if let base = cdx.base, !cdx.indexes.isEmpty { plan.extraInputRoots = [base] }

        let children = ChildProcesses()
        defer { children.stopAll() }
        let status: RunStatus
        do {
            let stop = try StopRequest()
            let trap = SignalTrap(stop)
            let context = try ZMQContext()
            let coordinator = try Coordinator(
                settings: plan.coordinatorSettings, context: context, stop: stop, logger: logger)
            for child in plan.children { try children.start(child) }
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
            status: status, wallSeconds: Date().timeIntervalSince(started), output: output.directory)
        print(summary.text)
        throw RunSummary.exitCode(for: status)
    }
}
