import Foundation
import TestExecutors
import TestSupport
import Testing

/// Runs the built `presswork` executable as a separate process, as users and operators do.
struct PressworkBinary {
    /// The repository root.
    static var repositoryRoot: URL { BuiltProducts.repositoryRoot }

    /// The `presswork` binary built next to the test bundle.
    static let url: URL =
        BuiltProducts.url(of: "presswork") ?? repositoryRoot.appendingPathComponent(".build/debug/presswork")

    /// What a finished process left behind.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Starts `presswork ARGS…` and returns the running process (stdout/stderr to files in `logs`).
    /// `prefix` runs it through another command, e.g. `ip netns exec NAME`. `environment`, when
    /// given, replaces every `AWS_*` variable of ours (a test of S3 access decides what credentials
    /// there are). Tests call it inside `ProcessTestSlots.run { … }`: waiting for the process must
    /// not hold a cooperative thread.
    static func start(
        _ arguments: [String], logs: URL, name: String = "presswork", prefix: [String] = [],
        environment: [String: String]? = nil
    ) throws
        -> Process
    {
        if !DedicatedThreads.isCurrent {
            Issue.record("presswork started on the cooperative pool: run the test in ProcessTestSlots.run")
        }
        let process = Process()
        if let launcher = prefix.first {
            process.executableURL = URL(fileURLWithPath: launcher)
            process.arguments = Array(prefix.dropFirst()) + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
                .merging(environment) { $1 }
        }
        process.standardInput = FileHandle.nullDevice
        let out = logs.appendingPathComponent("\(name).out")
        let err = logs.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        return process
    }

    /// Runs `presswork ARGS…` to completion (killing it after `timeout` seconds).
    static func run(
        _ arguments: [String], in directory: URL, timeout: TimeInterval = 120,
        environment: [String: String]? = nil
    ) throws -> Outcome {
        let process = try start(arguments, logs: directory, environment: environment)
        Waiting.forExit(of: process, timeout: timeout)
        let read = { (name: String) in
            (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        return Outcome(
            status: process.terminationStatus, stdout: read("presswork.out"), stderr: read("presswork.err"))
    }
}
