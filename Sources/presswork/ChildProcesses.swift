import Foundation

/// The worker and collector processes of a local run: started from this same executable, stopped
/// with SIGTERM (then SIGKILL) when the run ends or fails.
final class ChildProcesses {
    private(set) var processes: [(name: String, process: Process)] = []
    private let executable: URL

    init() {
        executable = URL(fileURLWithPath: ChildProcesses.executablePath())
    }

    /// The path of the running `presswork` binary.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }

    func start(_ name: String, arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        processes.append((name, process))
    }

    /// The first child that exited with a non-zero status, if any.
    var failed: (name: String, status: Int32)? {
        for (name, process) in processes where !process.isRunning && process.terminationStatus != 0 {
            return (name, process.terminationStatus)
        }
        return nil
    }

    /// Waits up to `timeout` for every child to exit, then terminates (and kills) the rest.
    func waitAll(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while processes.contains(where: { $0.process.isRunning }) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        stopAll()
    }

    func stopAll() {
        for (_, process) in processes where process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while processes.contains(where: { $0.process.isRunning }) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for (_, process) in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
