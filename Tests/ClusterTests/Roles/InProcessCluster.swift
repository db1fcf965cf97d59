import Foundation
import Logging
import ScrapeIO
import TestSupport
import Testing
import ZeroMQ

@testable import Cluster

/// A cluster inside the test process: coordinator, collector and workers are the library's own
/// objects, each on a thread of its own with its own ZeroMQ context (as in its own process), talking
/// over real libzmq ipc:// sockets in a temporary directory. The coordinator reads a `SteppedClock`,
/// so leases and heartbeats expire when the test moves time, never by waiting.
final class InProcessCluster {
    static let logger = Logger(label: "role-tests") { _ in SwiftLogNoOpLogHandler() }

    let directory: TemporaryDirectory
    let clock = SteppedClock()
    let coordinatorEndpoint: String
    let collectorEndpoint: String
    let statusEndpoint: String
    private var roles: [StopRequest] = []

    init() throws {
        directory = try TemporaryDirectory(prefix: "roles")
        coordinatorEndpoint = "ipc://\(directory.location)/coordinator"
        collectorEndpoint = "ipc://\(directory.location)/collector"
        statusEndpoint = "ipc://\(directory.location)/status"
    }

    /// Stops every role still running (twice: no draining).
    deinit {
        for stop in roles {
            stop.request()
            stop.request()
        }
    }

    var output: String { directory.path("out").path }

    /// A JSON Lines scrape of `count` short articles with distinct URLs.
    func scrape(count: Int) throws -> (path: String, urls: Set<String>) {
        var lines = ""
        var urls: Set<String> = []
        for index in 0..<count {
            let url = "https://news.example/\(index)"
            urls.insert(url)
            let html =
                "<html><head><title>Story \(index)</title></head><body><article><h1>Story \(index)</h1>"
                + "<p>The harbour ferry number \(index) left on time this morning, the operator said.</p>"
                + "</article></body></html>"
            let object = ["url": url, "html": html]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        let path = directory.path("scrape.jsonl").path
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, urls)
    }

    func coordinatorSettings(inputs: [String], batch: Int) -> CoordinatorSettings {
        var settings = CoordinatorSettings()
        settings.inputs = inputs
        settings.bind = coordinatorEndpoint
        settings.statusBind = statusEndpoint
        settings.batchSize = batch
        settings.clock = clock.reading
        return settings
    }

    func collectorSettings() -> CollectorSettings {
        var settings = CollectorSettings()
        settings.bind = collectorEndpoint
        settings.coordinator = coordinatorEndpoint
        settings.output = output
        settings.shards.shards = 2
        settings.shards.compression = .none
        settings.shards.fsync = false
        return settings
    }

    func workerSettings(threads: Int = 1) -> WorkerSettings {
        var settings = WorkerSettings()
        settings.coordinator = coordinatorEndpoint
        settings.collector = collectorEndpoint
        settings.threads = threads
        return settings
    }

    /// Binds a coordinator here, then runs it on its own thread.
    func start(_ settings: CoordinatorSettings) throws -> RoleThread<RunStatus> {
        let stop = try StopRequest()
        let coordinator = try Coordinator(
            settings: settings, context: try ZMQContext(), stop: stop, logger: Self.logger)
        return run(RoleHandoff(coordinator), stop: stop) { (role) throws(ClusterError) in try role.run() }
    }

    func start(_ settings: CollectorSettings) throws -> RoleThread<CollectorFigures> {
        let stop = try StopRequest()
        let collector = try Collector(
            settings: settings, context: try ZMQContext(), stop: stop, logger: Self.logger)
        return run(RoleHandoff(collector), stop: stop) { (role) throws(ClusterError) in try role.run() }
    }

    func start(_ settings: WorkerSettings) throws -> RoleThread<WorkerFigures> {
        let stop = try StopRequest()
        let worker = try Worker(
            settings: settings, context: try ZMQContext(), stop: stop, logger: Self.logger)
        return run(RoleHandoff(worker), stop: stop) { (role) throws(ClusterError) in try role.run() }
    }

    private func run<Role, Value: Sendable>(
        _ handoff: RoleHandoff<Role>, stop: StopRequest,
        _ body: @escaping @Sendable (Role) throws(ClusterError) -> Value
    ) -> RoleThread<Value> {
        roles.append(stop)
        return RoleThread(stop: stop) { () throws(ClusterError) -> Value in try handoff.run(body) }
    }

    /// The coordinator's status, asked over its status socket as `presswork status` does.
    func status() -> RunStatus? {
        (try? StatusClient(endpoint: statusEndpoint, curve: CurveSettings()))?.fetch(
            timeoutMilliseconds: 2_000)
    }

    /// Waits until the coordinator's status satisfies `condition`.
    func waitForStatus(timeout: TimeInterval = 30, _ condition: (RunStatus) -> Bool) -> Bool {
        Waiting.until(timeout: timeout) { status().map(condition) == true }
    }

    /// The URL of every record in the output shards, as often as it was written.
    func writtenURLs() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: output)
        var urls: [String] = []
        for name in names where name.hasPrefix("shard-") && name.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                urls.append(try #require(object?["url"] as? String))
            }
        }
        return urls
    }
}
