import Foundation
import TestExecutors
import TestSupport
import Testing
import ZeroMQ

/// `monitor(at:events:)` and `SocketEvent`: a bound socket reports each accepted connection with
/// its descriptor and the same descriptor when the connection ends; shutting that descriptor down
/// makes libzmq close the connection itself (how a role refuses a connection over its caps).
@Suite("Socket monitor", .timeLimit(.minutes(1)))
struct MonitorTests {
    @Test func decodesAnEventAndRefusesNoOther() {
        var header: [UInt8] = [0x20, 0x00, 0x07, 0x00, 0x00, 0x00]
        let event = SocketEvent(frames: [header, Array("tcp://127.0.0.1:5555".utf8)])
        #expect(event == SocketEvent(kind: .accepted, value: 7, endpoint: "tcp://127.0.0.1:5555"))
        #expect(event?.fileDescriptor == 7)
        header.removeLast()
        #expect(SocketEvent(frames: [header, []]) == nil)
        #expect(SocketEvent(frames: [[0, 0, 0, 0, 0, 0]]) == nil)
    }

    @Test func acceptedAndDisconnectedCarryTheConnectionsDescriptor() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let events = try SocketFixtures.socket(context, .pair)
            try events.connect("inproc://monitor-test")
            let router = try SocketFixtures.socket(context, .router)
            try router.monitor(
                at: "inproc://monitor-test", events: [.accepted, .disconnected, .monitorStopped])
            let endpoint = try SocketFixtures.bindLoopback(router)
            let port = try #require(UInt16(endpoint.split(separator: ":").last ?? ""))
            let client = try #require(RawConnection.tcp(port: port))
            defer { close(client) }

            let accepted = try #require(try Self.nextEvent(on: events))
            #expect(accepted.kind == .accepted)
            #expect(accepted.endpoint == endpoint)
            // The descriptor is the server side of our connection: its peer is our client's address.
            #expect(Self.port(of: accepted.fileDescriptor, peer: true) == Self.port(of: client, peer: false))

            #expect(shutdown(accepted.fileDescriptor, Int32(SHUT_RDWR)) == 0)
            #expect(HandshakeTimeoutTests.readUntilClosed(client, timeout: .seconds(5)), "closed at once")
            let ended = try #require(try Self.nextEvent(on: events))
            #expect(ended.kind == .disconnected)
            #expect(ended.fileDescriptor == accepted.fileDescriptor)
            try router.stopMonitor()
            let stopped = try #require(try Self.nextEvent(on: events))
            #expect(stopped.kind == .monitorStopped)
        }
    }

    /// The next event a monitor reports on `reader`, or nil when none comes within its timeout.
    static func nextEvent(on reader: ZMQSocket) throws -> SocketEvent? {
        guard let frames = try reader.receive() else { return nil }
        return SocketEvent(frames: frames)
    }

    /// The port of `fd`'s peer (or its own), IPv4 only.
    static func port(of fd: Int32, peer: Bool) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(fd, $0, &length) : getsockname(fd, $0, &length)
            }
        }
        return result == 0 ? UInt16(bigEndian: address.sin_port) : nil
    }
}
