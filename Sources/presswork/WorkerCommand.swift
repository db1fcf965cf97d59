import ArgumentParser
import Cluster
import ZeroMQ

/// `presswork worker`: runs the pipeline on jobs from the coordinator, on every core.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Process jobs from a coordinator on all cores and push records to the collector.",
        discussion:
            "SIGTERM drains: no new jobs, finish and send what is held, exit 0. A second SIGTERM stops at once."
    )

    @Option(help: "The coordinator's endpoint.")
    var coordinator = "tcp://127.0.0.1:5555"

    @Option(help: "The collector's endpoint.")
    var collector = "tcp://127.0.0.1:5556"

    @Option(help: "Articles processed at once (default: the number of cores).")
    var threads: Int?

    @Option(help: .hidden)
    var exitWithParent: Int32?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let threads, threads < 1 || threads > 1_024 { throw ValidationError("--threads must be 1…1024") }
    }

    func run() throws {
        let logger = try global.logger(label: "presswork.worker")
        var settings = WorkerSettings()
        settings.coordinator = coordinator
        settings.collector = collector
        if let threads { settings.threads = threads }
        settings.parentPID = exitWithParent
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
