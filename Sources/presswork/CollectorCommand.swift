import ArgumentParser
import Cluster
import ZeroMQ

/// `presswork collector`: receives results from workers and writes the shards.
struct CollectorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collector",
        abstract: "Receive results from workers and write them as sharded JSON Lines.")

    @Option(help: "Endpoint workers push results to.")
    var bind = "tcp://127.0.0.1:5556"

    @Option(help: "The coordinator's endpoint, to report commits.")
    var coordinator = "tcp://127.0.0.1:5555"

    @OptionGroup var output: OutputOptions
    @Option(help: .hidden)
    var exitWithParent: Int32?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let logger = try global.logger(label: "presswork.collector")
        var settings = CollectorSettings()
        settings.bind = bind
        settings.coordinator = coordinator
        settings.output = output.output
        settings.shards = output.shardSettings
        settings.parentPID = exitWithParent
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
