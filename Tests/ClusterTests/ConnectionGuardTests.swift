import Foundation
import Logging
import TestSupport
import Testing
import ZeroMQ

@testable import Cluster

/// `ConnectionGuard` on real bound sockets: connections past a cap are closed by the server as soon
/// as they are accepted, the ones within it stay open, and an ended one frees its place.
@Suite(.serialized, .timeLimit(.minutes(1))) struct ConnectionGuardTests {
    static let logger = Logger(label: "test.connections")
    // Raw connections never finish a handshake: the tests' sockets wait 60 s before closing them.

    @Test func tcpConnectionsPastThePerAddressCapAreClosedAtOnce() throws {
        let server = try GuardedRouter(caps: ConnectionCaps(maxPerAddress: 2, maxTotal: 100))
        defer { server.close() }
        let (connectionGuard, port) = (server.connectionGuard, server.port)
        var clients = try (0..<5).map { _ in try #require(RawConnection.tcp(port: port)) }
        // Each descriptor is closed exactly once: a second close could hit a number another suite
        // running meanwhile has been given (libzmq aborts when its own descriptor vanishes).
        defer { for fd in clients { close(fd) } }
        let closed = clients.filter { RawConnection.isClosed($0, within: 2) }
        #expect(closed.count == 3, "3 of 5 closed by the server")
        #expect(connectionGuard.refused == 3)
        #expect(connectionGuard.open == 2)
        // One admitted connection ends: the next gets its place.
        let admitted = try #require(clients.first { !closed.contains($0) })
        clients.removeAll { $0 == admitted }
        close(admitted)
        #expect(Waiting.until(timeout: 5, interval: 0.01) { connectionGuard.open == 1 })
        let next = try #require(RawConnection.tcp(port: port))
        defer { close(next) }
        #expect(!RawConnection.isClosed(next, within: 0.5), "admitted")
        #expect(connectionGuard.refused == 3)
    }

    @Test func connectionsFromManyAddressesStopAtTheTotalCap() throws {
        let server = try GuardedRouter(caps: ConnectionCaps(maxPerAddress: 2, maxTotal: 3))
        defer { server.close() }
        let (connectionGuard, port) = (server.connectionGuard, server.port)
        var clients: [Int32] = []
        defer { for fd in clients { close(fd) } }
        for source in ["127.0.0.2", "127.0.0.2", "127.0.0.3"] {
            clients.append(try #require(RawConnection.tcp(port: port, from: source)))
        }
        #expect(Waiting.until(timeout: 5, interval: 0.01) { connectionGuard.open == 3 })
        let fourth = try #require(RawConnection.tcp(port: port, from: "127.0.0.4"))
        clients.append(fourth)
        #expect(RawConnection.isClosed(fourth, within: 2), "over the total, though its address has none")
        #expect(connectionGuard.refused == 1)
        #expect(connectionGuard.open == 3)
    }

    @Test func ipcClientsCountAsOneLocalAddress() throws {
        let context = try ZMQContext()
        let path = NSTemporaryDirectory() + "guard-\(UInt32.random(in: 0...UInt32.max)).sock"
        defer { unlink(path) }
        let caps = ConnectionCaps(maxPerAddress: 1, maxTotal: 100)
        let connectionGuard = try ConnectionGuard(
            context: context, caps: caps, sockets: 1, logger: Self.logger)
        let pull = try Sockets.bound(
            context, type: .pull, at: "ipc://\(path)", curve: CurveSettings(), handshakeTimeout: .seconds(60),
            watchedBy: (connectionGuard, 0))
        defer {
            pull.close()
            connectionGuard.stop()
        }
        let first = try #require(RawConnection.unix(path: path))
        defer { close(first) }
        #expect(Waiting.until(timeout: 5, interval: 0.01) { connectionGuard.open == 1 })
        let second = try #require(RawConnection.unix(path: path))
        defer { close(second) }
        #expect(RawConnection.isClosed(second, within: 2))
        #expect(!RawConnection.isClosed(first, within: 0.2))
        #expect(connectionGuard.refused == 1)
    }
}

/// A ROUTER bound to a free tcp port of 127.0.0.1 whose connections a `ConnectionGuard` watches.
private final class GuardedRouter {
    let context: ZMQContext
    let connectionGuard: ConnectionGuard
    let router: ZMQSocket
    let port: UInt16

    init(caps: ConnectionCaps) throws {
        context = try ZMQContext()
        connectionGuard = try ConnectionGuard(
            context: context, caps: caps, sockets: 1, logger: ConnectionGuardTests.logger)
        router = try Sockets.router(
            context, bind: "tcp://127.0.0.1:*", curve: CurveSettings(), handshakeTimeout: .seconds(60),
            watchedBy: (connectionGuard, 0))
        port = try #require(UInt16(try router.lastEndpoint.split(separator: ":").last ?? ""))
    }

    func close() {
        router.close()
        connectionGuard.stop()
    }
}
