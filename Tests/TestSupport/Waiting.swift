import Foundation

/// Waits on states a test can observe, instead of sleeping for a fixed time: the wait ends as soon
/// as the state holds, and a state that never comes fails after a generous deadline.
public enum Waiting {
    /// Polls `condition` every `interval` seconds until it holds or `timeout` seconds have passed;
    /// returns whether it held.
    @discardableResult
    public static func until(
        timeout: TimeInterval = 60, interval: TimeInterval = 0.02, _ condition: () throws -> Bool
    ) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: interval)
        }
        return try condition()
    }

    /// Waits up to `timeout` seconds for `process` to exit, kills it (SIGKILL) when it has not, and
    /// returns its exit status; nil when it had to be killed.
    @discardableResult
    public static func forExit(of process: Process, timeout: TimeInterval = 120) -> Int32? {
        let exited = until(timeout: timeout) { !process.isRunning }
        if !exited { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return exited ? process.terminationStatus : nil
    }
}
