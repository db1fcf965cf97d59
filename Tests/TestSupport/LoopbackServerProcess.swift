import Foundation

/// A server child process listening on a loopback port reserved for it (see `ReservedPort`).
///
/// The server is started on the reserved port and waited on until it accepts a TCP connection; a
/// server that exits or does not listen within 10 s is killed and started again on a fresh port
/// (up to five times), so a port taken in between costs a retry, not the test. The reservation is
/// kept until the server has stopped.
public final class LoopbackServerProcess {
    public let port: Int
    public let process: Process
    private let reservation: ReservedPort

    /// Starts the server `name`: `launch(port)` starts it on `port` and returns its running
    /// process; `lastError()` reads why an attempt failed (its error log) for the error thrown
    /// after the last attempt.
    public init(name: String, launch: (Int) throws -> Process, lastError: () -> String) throws {
        for _ in 0..<5 {
            let reservation = try ReservedPort()
            let process = try launch(reservation.port)
            if Self.waitUntilListening(port: reservation.port, process: process) {
                self.port = reservation.port
                self.reservation = reservation
                self.process = process
                return
            }
            reservation.release()
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        throw StartFailed(description: "\(name) did not start: \(lastError())")
    }

    /// Stops the server with SIGKILL (a test process may hold SIGTERM blocked, and its children
    /// inherit the mask) and gives the port up.
    public func forceStop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        reservation.release()
    }

    /// Stops the server with SIGTERM, SIGKILL after `timeout` seconds, and gives the port up.
    public func stop(timeout: TimeInterval) {
        defer { reservation.release() }
        guard process.isRunning else { return }
        process.terminate()
        Waiting.forExit(of: process, timeout: timeout)
    }

    /// Polls until a TCP connection to `port` succeeds (10 s at most) or the process exits.
    private static func waitUntilListening(port: Int, process: Process) -> Bool {
        var listening = false
        Waiting.until(timeout: 10, interval: 0.05) {
            guard process.isRunning else { return true }
            guard let fd = RawConnection.tcp(port: UInt16(port)) else { return false }
            close(fd)
            listening = true
            return true
        }
        return listening
    }

    /// A server that did not start.
    public struct StartFailed: Error, CustomStringConvertible {
        public var description: String
    }
}
