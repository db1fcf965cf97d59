import Foundation
import ZeroMQ

/// The far end of the multi-process test: connects, sends back each of `count` messages unchanged,
/// and exits 0; exits 1 if a message does not arrive within the timeout.
struct EchoPeer {
    let endpoint: String
    let count: Int
    let type: SocketType
    let timeoutMilliseconds: Int32

    init(options: BenchOptions) throws(BenchOptions.UsageError) {
        endpoint = try options.string("connect")
        count = try options.integer("count", default: 1)
        timeoutMilliseconds = Int32(clamping: try options.integer("timeout-ms", default: 10_000))
        switch try options.string("type", default: "dealer") {
        case "dealer": type = .dealer
        case "rep": type = .rep
        case let other: throw BenchOptions.UsageError(message: "--type must be dealer or rep, got '\(other)'")
        }
    }

    /// Returns the process exit code.
    func run() throws(ZMQError) -> Int32 {
        let socket = try ZMQSocket(context: ZMQContext(), type: type)
        defer { socket.close() }
        try socket.setReceiveTimeout(milliseconds: timeoutMilliseconds)
        try socket.setSendTimeout(milliseconds: timeoutMilliseconds)
        // Long enough for the last reply to leave before the process exits, never forever.
        try socket.setLinger(milliseconds: timeoutMilliseconds)
        try socket.connect(endpoint)
        for number in 1...count {
            guard let message = try socket.receive() else {
                FileHandle.standardError.write(Data("echo: message \(number) of \(count) timed out\n".utf8))
                return 1
            }
            guard try socket.send(message) else {
                FileHandle.standardError.write(Data("echo: reply \(number) of \(count) timed out\n".utf8))
                return 1
            }
        }
        return 0
    }
}
