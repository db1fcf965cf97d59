import Foundation

/// The worker and collector processes of a local run: started from the running executable,
/// stopped with SIGTERM (then SIGKILL) when the run ends or fails.
public final class ChildProcesses {
    private(set) var processes: [(name: String, process: Process)] = []
    private let executable: URL

    public init() {
        executable = URL(fileURLWithPath: ChildProcesses.executablePath())
    }

    /// The path of the running binary.
    public static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
    }

    /// Starts `child` with this process's environment plus the child's own variables.
    public func start(_ child: LocalClusterPlan.Child) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = child.arguments
        if !child.environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(child.environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        try process.run()
        processes.append((child.name, process))
    }

    /// The first child that exited with a non-zero status, if any.
    public var failed: (name: String, status: Int32)? {
        for (name, process) in processes where !process.isRunning && process.terminationStatus != 0 {
            return (name, process.terminationStatus)
        }
        return nil
    }

    /// Waits up to `timeout` for every child to exit, then terminates (and kills) the rest.
    public func waitAll(timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while processes.contains(where: { $0.process.isRunning }) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        stopAll()
    }

    /// Terminates every child still running, and kills those that do not exit within 5 s.
    public func stopAll() {
        for (_, process) in processes where process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(5)
        while processes.contains(where: { $0.process.isRunning }) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        for (_, process) in processes where process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}
