import ArgumentParser
import Cluster
import ZeroMQ

/// `presswork coordinator`: streams the scrape and hands jobs to workers.
struct CoordinatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coordinator",
        abstract: "Stream a scrape, cut it into jobs and hand them to workers against their credit.")

    @Argument(help: "Scrape inputs: .warc[.gz], .jsonl[.gz], folders of .html/.txt, or - for stdin.")
    var inputs: [String]

    @Option(help: "Endpoint workers and the collector connect to.")
    var bind = "tcp://127.0.0.1:5555"

    @Option(help: "Endpoint `presswork status` asks.")
    var statusBind = "tcp://127.0.0.1:5557"

    @Option(help: "Articles per job.")
    var batch = 64

    @Option(help: "Attempts per job before its articles go to dead-letter.")
    var maxAttempts = 3

    @Option(help: "Seconds a worker may hold a job before it is handed to another.")
    var lease: Int = 30

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard batch >= 1 && batch <= 10_000 else { throw ValidationError("--batch must be 1…10000") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        guard lease >= 1 else { throw ValidationError("--lease must be at least 1 second") }
    }

    func run() throws {
        let logger = try global.logger(label: "presswork.coordinator")
        var settings = CoordinatorSettings()
        settings.inputs = inputs
        settings.bind = bind
        settings.statusBind = statusBind
        settings.batchSize = batch
        settings.scheduler.retry = RetryPolicy(maxAttempts: maxAttempts)
        settings.scheduler.lease = .seconds(lease)
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
