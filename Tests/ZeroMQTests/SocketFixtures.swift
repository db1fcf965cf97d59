import Foundation
import ZeroMQ

/// Helpers shared by the ZeroMQ tests. Every socket they make has timeouts and no linger, so a
/// failing test reports a nil or false instead of hanging, and contexts terminate at once.
///
/// The suites' time limits are one minute. A limit counts the time a test waits for one of Swift
/// concurrency's pool threads (one per core), so the tests that would hold one for long (waiting
/// out a timeout or a child process here, the package's process tests and its longest computation)
/// run on dedicated threads (`DedicatedThreads.run`). With the whole package's tests on two cores
/// these suites end after about 10 seconds (they took 105 to 150 when those tests held the pool).
enum SocketFixtures {
    static func socket(
        _ context: ZMQContext, _ type: SocketType, timeoutMilliseconds: Int32 = 3000
    ) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: type)
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: timeoutMilliseconds)
        try socket.setSendTimeout(milliseconds: timeoutMilliseconds)
        return socket
    }

    /// Binds `socket` to an ephemeral loopback port and returns the resolved endpoint.
    static func bindLoopback(_ socket: ZMQSocket) throws -> String {
        try socket.bind("tcp://127.0.0.1:*")
        return try socket.lastEndpoint
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// `count` random bytes, eight per call to the generator (byte by byte, a debug build spends
    /// about a second per megabyte).
    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset + 8 <= buffer.count {
                buffer.storeBytes(of: generator.next(), toByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < buffer.count {
                buffer[offset] = UInt8.random(in: 0...255, using: &generator)
                offset += 1
            }
        }
        return bytes
    }
}
