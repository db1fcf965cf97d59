import ArgumentParser
import Cluster
import Foundation
import ZeroMQ

/// `presswork status`: asks a coordinator how its run is going.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a running coordinator's progress, rates, ETA and workers.")

    @Option(help: "The coordinator's status endpoint.")
    var coordinator = "tcp://127.0.0.1:5557"

    @Flag(help: "Redraw every --interval seconds until interrupted (stragglers highlighted).")
    var watch = false

    @Option(help: "Seconds between redraws with --watch.")
    var interval: Double = 1

    @Flag(help: "Print one JSON document (RunStatus) for scripts.")
    var json = false

    @Option(help: "Seconds to wait for an answer.")
    var timeout: Double = 2

    @OptionGroup var curve: CurveOptions
    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        _ = try global.logger(label: "presswork.status")
        let resolver = try config.resolver()
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

/// A status client: a fresh DEALER per request, so a lost reply never wedges the next one.
struct StatusClient {
    let endpoint: String
    let context: ZMQContext
    let curve: CurveSettings

    init(endpoint: String, curve: CurveSettings) throws {
        self.endpoint = endpoint
        self.curve = curve
        context = try ZMQContext()
    }

    func fetch(timeoutMilliseconds: Int) -> RunStatus? {
        guard let socket = try? ZMQSocket(context: context, type: .dealer) else { return nil }
        defer { socket.close() }
        try? socket.setLinger(milliseconds: 0)
        if curve.isEnabled {
            guard let keys = curve.ownKeys, let server = curve.serverPublicKey,
                (try? socket.setCurveClient(
                    serverPublicKey: server, publicKey: keys.publicKey, secretKey: keys.secretKey))
                    != nil
            else { return nil }
        }
        guard (try? socket.connect(endpoint)) != nil else { return nil }
        guard (try? socket.send([WireCodec.encode(.statusRequest, EmptyBody())], dontWait: true)) == true
        else {
            return nil
        }
        var poller = ZMQPoller()
        _ = poller.add(socket)
        guard let ready = try? poller.poll(timeoutMilliseconds: timeoutMilliseconds), !ready.isEmpty,
            let frames = (try? socket.receive(dontWait: true)) ?? nil, let header = frames.last,
            (try? WireCodec.kind(of: header)) == .statusReply
        else { return nil }
        return try? WireCodec.body(RunStatus.self, from: header)
    }
}
