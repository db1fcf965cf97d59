import Foundation

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

    init(dir: TemporaryDirectory) {
        self.dir = dir
        let ports = FreePorts.take(3)
        coordinatorEndpoint = "tcp://127.0.0.1:\(ports[0])"
        collectorEndpoint = "tcp://127.0.0.1:\(ports[1])"
        statusEndpoint = "tcp://127.0.0.1:\(ports[2])"
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
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits until `condition` holds (polling), up to `timeout`; returns whether it did.
    @discardableResult
    func waitUntil(timeout: TimeInterval = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Records committed so far, from the output manifest.
    var committedRecords: Int {
        ((OutputDirectory(url: output).manifest?["totals"] as? [String: Any])?["records"] as? Int) ?? 0
    }

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
    }
}

/// Free loopback ports, found by binding port 0 and releasing it.
enum FreePorts {
    static func take(_ count: Int) -> [Int] {
        var sockets: [Int32] = []
        var ports: [Int] = []
        for _ in 0..<count {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                    _ = bind(fd, raw, length)
                    _ = getsockname(fd, raw, &length)
                }
            }
            ports.append(Int(UInt16(bigEndian: address.sin_port)))
            sockets.append(fd)
        }
        for fd in sockets { close(fd) }
        return ports
    }
}
