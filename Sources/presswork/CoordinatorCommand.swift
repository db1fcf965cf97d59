import ArgumentParser
import Cluster
import ScrapeIO
import ZeroMQ

/// `presswork coordinator`: streams the scrape and hands jobs to workers.
struct CoordinatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coordinator",
        abstract: "Stream a scrape, cut it into jobs and hand them to workers against their credit.",
        discussion: """
            Every option can also come from a PRESSWORK_<OPTION> environment variable (e.g. \
            PRESSWORK_STATUS_BIND) or a config file; flags win. SIGTERM stops handing out jobs, waits \
            for jobs in flight and flushes the journal; `--resume` with the same journal continues.
            """)

    @Argument(
        help: "Scrape inputs: .warc[.gz], .jsonl[.gz], folders of .html/.txt, http(s) URLs, or - for stdin.")
    var inputs: [String] = []

    @OptionGroup var inputList: InputListOptions

    @Option(help: "Endpoint workers and the collector connect to (default tcp://127.0.0.1:5555).")
    var bind: String?

    @Option(help: "Endpoint `presswork status` asks (default tcp://127.0.0.1:5557).")
    var statusBind: String?

    @Option(help: "Articles per job (default 64).")
    var batch: Int?

    @Option(help: "Attempts per job before its articles go to dead-letter (default 3).")
    var maxAttempts: Int?

    @Option(help: "Seconds a worker may hold a job before it goes to another (default 30).")
    var lease: Int?

    @Option(help: "Articles larger than this many bytes go to dead-letter unread (default 16 MiB).")
    var maxArticleBytes: Int?

    @Option(
        help: """
            MB of article bodies held at once (queued, in flight, awaiting commit) before reading \
            pauses (default 512).
            """)
    var maxHeldMb: Int?

    @Option(help: "Journal directory: an append-only record of commits, needed for --resume.")
    var journal: String?

    @Flag(help: "Continue the run recorded in --journal without redoing committed work.")
    var resume = false

    @Flag(
        help: """
            Jobs for .warc and .warc.gz inputs carry (file, byte range) instead of article bodies; \
            every worker must see the inputs at the same absolute path (shared storage).
            """)
    var byReference = false

    @Flag(help: "Stay up after the run is complete (for status) until stopped.")
    var keepRunning = false

    @OptionGroup var metrics: MetricsOptions
    @Option(
        help: "Most jobs a worker may hold per thread it declares, whatever credit it asks for (default 4).")
    var maxCreditPerThread: Int?

    @OptionGroup var handshake: HandshakeOptions
    @OptionGroup var connections: ConnectionOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var leaseKey: LeaseKeyOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let resolver = try config.resolver()
        let logger = try global.logger(label: "presswork.coordinator", resolver: resolver)
        let metricsServer = try startMetrics(metrics, resolver: resolver, logger: logger)
        defer { metricsServer?.shutdown() }
        var settings = CoordinatorSettings()
        settings.inputs = try inputList.inputs(
            given: inputs.isEmpty
                ? (resolver.lookup("inputs")?.split(separator: " ").map(String.init) ?? []) : inputs,
            resolver: resolver, logger: logger)
        guard !settings.inputs.isEmpty else { throw ValidationError("give at least one input") }
        settings.bind = resolver.string("bind", flag: bind, default: settings.bind)
        settings.handshakeTimeout = try handshake.timeout(resolver: resolver)
        settings.connectionCaps = try connections.caps(resolver: resolver)
        settings.statusBind = resolver.string(
            "status-bind", flag: statusBind, default: "tcp://127.0.0.1:5557")
        settings.batchSize = try resolver.int("batch", flag: batch, default: settings.batchSize)
        let attempts = try resolver.int("max-attempts", flag: maxAttempts, default: 3)
        let leaseSeconds = try resolver.int("lease", flag: lease, default: 30)
        guard settings.batchSize >= 1 && settings.batchSize <= 10_000 else {
            throw ValidationError("batch must be 1…10000")
        }
        guard attempts >= 1, leaseSeconds >= 1 else {
            throw ValidationError("max-attempts and lease must be ≥ 1")
        }
        settings.scheduler.retry = RetryPolicy(maxAttempts: attempts)
        settings.scheduler.lease = .seconds(leaseSeconds)
        settings.maxArticleBytes = try resolver.int(
            "max-article-bytes", flag: maxArticleBytes, default: settings.maxArticleBytes)
        guard settings.maxArticleBytes >= 1 else { throw ValidationError("max-article-bytes must be ≥ 1") }
        let heldMB = try resolver.int(
            "max-held-mb", flag: maxHeldMb, default: settings.maxHeldBodyBytes >> 20)
        guard heldMB >= 1 else { throw ValidationError("max-held-mb must be ≥ 1") }
        settings.maxHeldBodyBytes = heldMB << 20
        settings.journal = resolver.optionalString("journal", flag: journal)
        settings.resume = try resolver.bool("resume", flag: resume)
        settings.keepRunning = try resolver.bool("keep-running", flag: keepRunning)
        settings.reader.handsOutReferences = try resolver.bool("by-reference", flag: byReference)
        settings.reader.remote = try inputList.remote(resolver: resolver)
        settings.reader.splitBytes = try inputList.splitBytes(resolver: resolver)
        settings.reader.splitsRemoteFiles = try inputList.splitsRemote(resolver: resolver)
        settings.reader.cdx = try inputList.cdxSelection(resolver: resolver)
        if !settings.reader.cdx.indexes.isEmpty && !settings.reader.handsOutReferences {
            throw ValidationError("--cdx needs --by-reference: workers read the selected records themselves")
        }
        settings.curve = try curve.settings(resolver: resolver)
        settings.leaseKey = try leaseKey.key(resolver: resolver, curve: settings.curve)
        settings.scheduler.creditPerThread = try resolver.int(
            "max-credit-per-thread", flag: maxCreditPerThread, default: settings.scheduler.creditPerThread)
        guard settings.scheduler.creditPerThread >= 1 && settings.scheduler.creditPerThread <= 1_024 else {
            throw ValidationError("max-credit-per-thread must be 1…1024")
        }
        if settings.resume && settings.journal == nil { throw ValidationError("--resume needs --journal") }
        let status: RunStatus
        do {
            let stop = try StopRequest()
            let trap = SignalTrap(stop)
            let context = try ZMQContext()
            let coordinator = try Coordinator(
                settings: settings, context: context, stop: stop, logger: logger)
            status = try coordinator.run()
            withExtendedLifetime(trap) {}
        } catch {
            logger.critical("coordinator failed: \(error)")
            throw PressworkExit.fatal
        }
        print(RunSummary(status: status, wallSeconds: status.elapsedSeconds, output: nil).text)
        throw RunSummary.exitCode(for: status)
    }
}
