import Foundation

/// Where a benchmark round's PULL socket binds.
enum BenchTransport: String {
    case tcp, ipc, inproc

    /// The endpoint to bind for round `round`; tcp uses an ephemeral port read back after binding.
    func bindEndpoint(round: Int) -> String {
        switch self {
        case .tcp: "tcp://127.0.0.1:*"
        case .ipc: "ipc://" + ipcPath(round: round)
        case .inproc: "inproc://zmq-bench-\(round)"
        }
    }

    /// Removes what binding left behind (the ipc socket file).
    func cleanUp(round: Int) {
        if self == .ipc { try? FileManager.default.removeItem(atPath: ipcPath(round: round)) }
    }

    private func ipcPath(round: Int) -> String {
        NSTemporaryDirectory() + "zmq-bench-\(getpid())-\(round).ipc"
    }
}

/// What one round measured: wall time on the receiving side from the first message to the last,
/// and the CPU time of the whole process (all threads, libzmq's I/O thread included) for the round.
struct RoundResult {
    let messages: Int
    let bytes: Int
    let seconds: Double
    let cpuSeconds: Double

    var messagesPerSecond: Double { Double(messages) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
    /// CPU cost per message in microseconds; steadier than throughput on a shared, busy machine.
    var cpuMicrosecondsPerMessage: Double { cpuSeconds / Double(messages) * 1_000_000 }
}

/// User plus system CPU time this process has used so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Runs `body` on a new thread and returns a function that waits for it to finish.
func startThread(_ body: @escaping @Sendable () -> Void) -> () -> Void {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    return { done.wait() }
}

/// Prints an error from a benchmark thread and stops the process: a half-run round means nothing.
func fail(_ what: String, _ error: Any) -> Never {
    FileHandle.standardError.write(Data("zmq-bench: \(what): \(error)\n".utf8))
    exit(1)
}
