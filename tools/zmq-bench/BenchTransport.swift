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
