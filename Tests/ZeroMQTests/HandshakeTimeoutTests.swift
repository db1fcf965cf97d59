import Foundation
import TestExecutors
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
            let fd = try #require(Self.connectSilently(port: port))
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

    /// A TCP connection to 127.0.0.1:`port` that will never send a byte, or nil.
    static func connectSilently(port: UInt16) -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
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
