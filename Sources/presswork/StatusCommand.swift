import ArgumentParser
import Cluster
import Foundation

/// `presswork status`: asks a coordinator how its run is going.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a running coordinator's progress, rates, ETA and workers.")

    /// Only ever a flag: `PRESSWORK_COORDINATOR` (and the config key `coordinator`) name the
    /// coordinator's job endpoint for the roles, not the status endpoint asked here.
    @Option(help: "The coordinator's status endpoint.")
    var coordinator = "tcp://127.0.0.1:5557"

    @Flag(help: "Redraw every --interval seconds until interrupted (stragglers highlighted).")
    var watch = false

    @Option(help: "Seconds between redraws with --watch (default 1).")
    var interval: Double?

    @Flag(help: "Print one JSON document (RunStatus) for scripts.")
    var json = false

    @Option(help: "Seconds to wait for an answer (default 2).")
    var timeout: Double?

    @OptionGroup var curve: CurveOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let resolver = try config.resolver()
        _ = try global.logger(label: "presswork.status", resolver: resolver)
        let interval = try resolver.seconds("interval", flag: interval, default: 1)
        let timeout = try resolver.seconds("timeout", flag: timeout, default: 2)
        let json = try resolver.bool("json", flag: json)
        let watch = try resolver.bool("watch", flag: watch)
        let client: StatusClient
        do {
            client = try StatusClient(endpoint: coordinator, curve: try curve.settings(resolver: resolver))
        } catch {
            FileHandle.standardError.write(Data("presswork: \(error)\n".utf8))
            throw PressworkExit.fatal
        }
        repeat {
            guard let status = client.fetch(timeoutMilliseconds: Int(timeout * 1_000)) else {
                FileHandle.standardError.write(
                    Data(
                        "presswork: no answer from a coordinator at \(coordinator) within \(timeout)s\n".utf8)
                )
                throw PressworkExit.fatal
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(status), as: UTF8.self))
            } else {
                let terminal = isatty(STDOUT_FILENO) == 1
                let table = StatusTable(status: status, endpoint: coordinator, color: terminal).text
                if watch && terminal {
                    // Redraw in place: cursor home, the table with each line cleared to its end, then
                    // clear whatever an older, longer table left below.
                    let body = table.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0 + "\u{1B}[K" }.joined(separator: "\n")
                    FileHandle.standardOutput.write(Data(("\u{1B}[H" + body + "\n\u{1B}[J").utf8))
                } else {
                    print(table)
                }
            }
            if watch { Thread.sleep(forTimeInterval: max(0.2, interval)) }
        } while watch
    }
}
