import ArgumentParser
import Cluster
import RemoteIO
import ZeroMQ

/// `presswork worker`: runs the pipeline on jobs from the coordinator, on every core.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Process jobs from a coordinator on all cores and push records to the collector.",
        discussion: """
            SIGTERM drains: no new jobs, finish and send what is held, exit 0. A second SIGTERM (or \
            --drain-timeout) gives the held jobs back and exits. Options also come from PRESSWORK_* \
            environment variables or a config file; flags win.
            """)

    @Option(help: "The coordinator's endpoint (default tcp://127.0.0.1:5555).")
    var coordinator: String?

    @Option(help: "The collector's endpoint (default tcp://127.0.0.1:5556).")
    var collector: String?

    @Option(help: "Articles processed at once (default: the number of cores).")
    var threads: Int?

    @Option(help: "Seconds a draining worker may take before it gives its jobs back (default 60).")
    var drainTimeout: Int?

    @Option(help: .hidden)
    var exitWithParent: Int32?

    @Option(
        help: """
            A directory jobs may reference input files in (repeatable; env PRESSWORK_INPUT_ROOT, \
            comma-separated). References to files elsewhere are dead-lettered unread.
            """)
    var inputRoot: [String] = []

    @Option(
        help: """
            MB of one job (all its article bodies) the coordinator may send; a larger one is dropped \
            uncopied and refused (default 1024; env PRESSWORK_MAX_JOB_MB).
            """)
    var maxJobMb: Int?

    @Option(
        help:
            "Requests in a row that may fail before a split's or CDX record's range is given up (default 6).")
    var fetchAttempts: Int?

    @Flag(help: "Skip the pipeline: records carry only id, url and size (measures the transport alone).")
    var emptyPipeline = false

    @OptionGroup var s3: S3Options
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let resolver = try config.resolver()
        let logger = try global.logger(label: "presswork.worker", resolver: resolver)
        let metricsServer = try startMetrics(metrics, resolver: resolver, logger: logger)
        defer { metricsServer?.shutdown() }
        var settings = WorkerSettings()
        settings.coordinator = resolver.string(
            "coordinator", flag: coordinator, default: settings.coordinator)
        settings.collector = resolver.string("collector", flag: collector, default: settings.collector)
        settings.threads = try resolver.int("threads", flag: threads, default: settings.threads)
        guard settings.threads >= 1 && settings.threads <= 1_024 else {
            throw ValidationError("threads must be 1…1024")
        }
        settings.drainTimeout = .seconds(try resolver.int("drain-timeout", flag: drainTimeout, default: 60))
        let jobMB = try resolver.int(
            "max-job-mb", flag: maxJobMb, default: WireProtocol.maxJobMessageBytes >> 20)
        guard (1...(1 << 20)).contains(jobMB) else {
            throw ValidationError("max-job-mb must be 1 to 1048576")
        }
        settings.maxJobBytes = jobMB << 20
        settings.parentPID = exitWithParent
        settings.emptyPipeline = emptyPipeline
        settings.curve = try curve.settings(resolver: resolver)
        settings.inputRoots =
            inputRoot.isEmpty
            ? (resolver.lookup("input-root")?.split(separator: ",").map(String.init) ?? []) : inputRoot
        settings.remote.s3 = try s3.settings(resolver: resolver)
        settings.remote.retry.maxAttempts = try resolver.int(
            "fetch-attempts", flag: fetchAttempts, default: settings.remote.retry.maxAttempts)
        guard (1...100).contains(settings.remote.retry.maxAttempts) else {
            throw ValidationError("fetch-attempts must be 1…100")
        }
        do {
            let stop = try StopRequest()
            let trap = SignalTrap(stop)
            let context = try ZMQContext()
            let worker = try Worker(settings: settings, context: context, stop: stop, logger: logger)
            _ = try worker.run()
            withExtendedLifetime(trap) {}
        } catch {
            logger.critical("worker failed: \(error)")
            throw PressworkExit.fatal
        }
    }
}
