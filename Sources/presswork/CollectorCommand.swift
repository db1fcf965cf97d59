import ArgumentParser
import Cluster
import ZeroMQ

/// `presswork collector`: receives results from workers and writes the shards.
struct CollectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collector",
        abstract: "Receive results from workers and write them as sharded JSON Lines.",
        discussion: """
            Restarting a collector on the same output directory recovers its committed state from \
            _manifest.json. Options also come from PRESSWORK_* environment variables or a config file.
            """)

    @Option(help: "Endpoint workers push results to (default tcp://127.0.0.1:5556).")
    var bind: String?

    @Option(help: "The coordinator's endpoint, to report commits (default tcp://127.0.0.1:5555).")
    var coordinator: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "MB of one result (all its record lines) a worker may push (default 1024).")
    var maxResultMb: Int?

    @Option(help: .hidden)
    var exitWithParent: Int32?

    @OptionGroup var handshake: HandshakeOptions
    @OptionGroup var connections: ConnectionOptions
    @OptionGroup var metrics: MetricsOptions
    @OptionGroup var curve: CurveOptions
    @OptionGroup var leaseKey: LeaseKeyOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let resolver = try config.resolver()
        let logger = try global.logger(label: "presswork.collector", resolver: resolver)
        let metricsServer = try startMetrics(metrics, resolver: resolver, logger: logger)
        defer { metricsServer?.shutdown() }
        var settings = CollectorSettings()
        settings.bind = resolver.string("bind", flag: bind, default: settings.bind)
        settings.coordinator = resolver.string(
            "coordinator", flag: coordinator, default: settings.coordinator)
        let output = try output.resolve(resolver)
        settings.output = output.directory
        settings.shards = output.shards
        let resultMB = try resolver.int(
            "max-result-mb", flag: maxResultMb, default: WireProtocol.maxResultMessageBytes >> 20)
        guard (1...(1 << 20)).contains(resultMB) else {
            throw ValidationError("max-result-mb must be 1 to 1048576")
        }
        settings.maxResultBytes = resultMB << 20
        settings.handshakeTimeout = try handshake.timeout(resolver: resolver)
        settings.connectionCaps = try connections.caps(resolver: resolver)
        settings.parentPID = exitWithParent
        settings.curve = try curve.settings(resolver: resolver)
        settings.leaseKey = try leaseKey.key(resolver: resolver, curve: settings.curve)
        do {
            let stop = try StopRequest()
            let trap = SignalTrap(stop)
            let context = try ZMQContext()
            let collector = try Collector(settings: settings, context: context, stop: stop, logger: logger)
            _ = try collector.run()
            withExtendedLifetime(trap) {}
        } catch {
            logger.critical("collector failed: \(error)")
            throw PressworkExit.fatal
        }
    }
}
