import Foundation
import TestSupport

/// A cluster of real `presswork` processes on loopback: one coordinator, one collector and any
/// number of workers, each a separate process with its own log files, talking over tcp://127.0.0.1.
final class LocalCluster {
    let dir: TemporaryDirectory
    let coordinatorEndpoint: String
    let collectorEndpoint: String
    let statusEndpoint: String
    let output: URL
    let journal: URL
    /// The lease key the coordinator and the collector share (results are bound to leases).
    let leaseKeyFile: URL
    private(set) var coordinator: Process?
    private(set) var collector: Process?
    private(set) var workers: [Process] = []
    private var launches = 0
    private var names: [ObjectIdentifier: String] = [:]
    /// The three ports, held until the cluster is stopped (see `ReservedPort`).
    private let ports: [ReservedPort]

    init(dir: TemporaryDirectory) throws {
        self.dir = dir
        ports = try ReservedPort.take(3)
        coordinatorEndpoint = "tcp://127.0.0.1:\(ports[0].port)"
        collectorEndpoint = "tcp://127.0.0.1:\(ports[1].port)"
        statusEndpoint = "tcp://127.0.0.1:\(ports[2].port)"
        output = dir.path("out")
        journal = dir.path("journal")
        leaseKeyFile = dir.path("lease.key")
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
        _ = FileManager.default.createFile(atPath: leaseKeyFile.path, contents: Data(key.utf8))
    }

    /// `--lease-key` for a coordinator or a collector, unless the test gives its own.
    private func leaseKey(unless extra: [String]) -> [String] {
        extra.contains("--lease-key") ? [] : ["--lease-key", leaseKeyFile.path]
    }

    deinit { stopAll() }

    private func launch(_ arguments: [String], name: String, prefix: [String] = []) throws -> Process {
        launches += 1
        let process = try PressworkBinary.start(
            arguments + ["--log-level", "info"], logs: dir.url, name: "\(name)-\(launches)", prefix: prefix)
        names[ObjectIdentifier(process)] = "\(name)-\(launches)"
        return process
    }

    @discardableResult
    func startCoordinator(_ inputs: [String], extra: [String] = [], prefix: [String] = []) throws -> Process {
        let process = try launch(
            ["coordinator"] + inputs + [
                "--bind", coordinatorEndpoint, "--status-bind", statusEndpoint, "--journal", journal.path,
            ] + leaseKey(unless: extra) + extra, name: "coordinator", prefix: prefix)
        coordinator = process
        return process
    }

    @discardableResult
    func startCollector(shards: Int = 4, extra: [String] = []) throws -> Process {
        let arguments = [
            "collector", "--bind", collectorEndpoint, "--coordinator", coordinatorEndpoint, "-o", output.path,
            "--shards", "\(shards)",
        ]
        let process = try launch(arguments + leaseKey(unless: extra) + extra, name: "collector")
        collector = process
        return process
    }

    @discardableResult
    func startWorker(threads: Int = 1, extra: [String] = []) throws -> Process {
        let arguments = [
            "worker", "--coordinator", coordinatorEndpoint, "--collector", collectorEndpoint, "--threads",
            "\(threads)",
        ]
        let process = try launch(arguments + extra, name: "worker")
        workers.append(process)
        return process
    }

    /// Waits for `process` to exit (or kills it after `timeout`); returns its status.
    @discardableResult
    func wait(_ process: Process, timeout: TimeInterval = 120) -> Int32 {
        Waiting.forExit(of: process, timeout: timeout) ?? process.terminationStatus
    }

    /// Waits until `condition` holds (polling), up to `timeout`; returns whether it did.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 60, _ condition: () -> Bool) -> Bool {
        Waiting.until(timeout: timeout, condition)
    }

    /// Records committed so far, from the output manifest: 0 before the collector has written one,
    /// nil when the manifest does not say (so a changed format fails a test instead of reading 0).
    var committedRecords: Int? {
        guard let manifest = OutputDirectory(url: output).manifest else { return 0 }
        return (manifest["totals"] as? [String: Any])?["records"] as? Int
    }

    /// Whether at least `count` records are committed.
    func hasCommitted(atLeast count: Int) -> Bool { (committedRecords).map { $0 >= count } == true }

    /// Whether every job the journal says was re-queued has been committed since.
    var requeuedJobsAreCommitted: Bool {
        let entries = journalEntries
        let requeued = Set(entries.filter { $0["t"] as? String == "requeued" }.flatMap(Self.jobs))
        let committed = Set(entries.filter { $0["t"] as? String == "committed" }.flatMap(Self.jobs))
        return !requeued.isEmpty && requeued.isSubset(of: committed)
    }

    private static func jobs(of entry: [String: Any]) -> [String] { entry["jobs"] as? [String] ?? [] }

    /// The status JSON from `presswork status --json`, or nil.
    func status() -> [String: Any]? {
        guard
            let outcome = try? PressworkBinary.run(
                ["status", "--coordinator", statusEndpoint, "--json", "--timeout", "2"], in: dir.url,
                timeout: 10),
            outcome.status == 0
        else { return nil }
        return (try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))) as? [String: Any]
    }

    /// The journal's entries, in order.
    var journalEntries: [[String: Any]] {
        guard
            let text = try? String(
                contentsOf: journal.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }

    /// Everything a process wrote to standard output and standard error.
    func log(_ process: Process) -> String {
        guard let name = names[ObjectIdentifier(process)] else { return "" }
        return ["out", "err"].map {
            (try? String(contentsOf: dir.path("\(name).\($0)"), encoding: .utf8)) ?? ""
        }.joined(separator: "\n")
    }

    /// All logs, for a failing test's message.
    var allLogs: String {
        let processes = [coordinator, collector].compactMap { $0 } + workers
        return processes.map { log($0).suffix(1_500) }.joined(separator: "\n---\n")
    }

    func stopAll() {
        for process in [coordinator, collector].compactMap({ $0 }) + workers where process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        for port in ports { port.release() }
    }
}
