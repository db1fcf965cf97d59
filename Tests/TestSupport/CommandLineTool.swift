import Foundation

/// A command-line tool a test runs to completion (`/usr/bin/env TOOL ARGS…`: python3, gzip): the
/// scrape generator, a compressor, a one-line program.
public enum CommandLineTool {
    /// Runs `arguments` (the tool, found on the PATH, then its arguments) in `directory`, waits for
    /// it and returns its exit status. Its standard output goes to the file `output` when given
    /// (created or emptied first); its standard error is dropped when `quiet`.
    @discardableResult
    public static func run(
        _ arguments: [String], in directory: URL? = nil, output: URL? = nil, quiet: Bool = false
    ) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        }
        if quiet { process.standardError = FileHandle.nullDevice }
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
