import Foundation
import TestExecutors
import TestSupport
import Testing
import ZeroMQ

/// `setHandshakeInterval`: a bound socket closes a connection that never finishes the ZMTP
/// handshake, so a peer cannot hold its descriptors by connecting and saying nothing.
@Suite("Handshake timeout", .timeLimit(.minutes(1)))
struct HandshakeTimeoutTests {
    @Test func intervalIsSetAndReadBack() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .router)
        #expect(try socket.handshakeInterval == 30_000, "libzmq's default")
        try socket.setHandshakeInterval(milliseconds: 250)
        #expect(try socket.handshakeInterval == 250)
        try socket.setConnectTimeout(milliseconds: 1_000)
    }

    @Test func silentConnectionIsClosedAfterTheInterval() async throws {
        try await DedicatedThreads.run {
            let router = try SocketFixtures.socket(ZMQContext(), .router)
            try router.setHandshakeInterval(milliseconds: 300)
            let endpoint = try SocketFixtures.bindLoopback(router)
            let port = try #require(UInt16(endpoint.split(separator: ":").last ?? ""))
            let fd = try #require(RawConnection.tcp(port: port), "a connection that never sends a byte")
            defer { close(fd) }
            let started = ContinuousClock.now
            // libzmq greets first; the connection then ends without a word from us. libzmq's
            // default would hold it for 30 s, past this test's 10-s wait.
            let closed = Self.readUntilClosed(fd, timeout: .seconds(10))
            let elapsed = ContinuousClock.now - started
            #expect(closed, "the silent connection was still open after 10 s")
            #expect(elapsed < .seconds(5), "closed after \(elapsed)")
        }
    }

    /// Reads from `fd` until the peer closes it (true) or `timeout` passes (false).
    static func readUntilClosed(_ fd: Int32, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 256)
        while ContinuousClock.now < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let left = deadline - ContinuousClock.now
            let milliseconds = Int32(clamping: left.components.seconds * 1_000 + 1)
            guard poll(&entry, 1, milliseconds) > 0 else { continue }
            let count = read(fd, &buffer, buffer.count)
            if count <= 0 { return true }
        }
        return false
    }
}
