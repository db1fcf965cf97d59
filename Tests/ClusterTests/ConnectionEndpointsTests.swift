import Foundation
import TestSupport
import Testing

@testable import Cluster

/// Reading both ends of an accepted connection from its descriptor, and the guard against a
/// reused descriptor: a connection is shut down only while its descriptor still holds it.
@Suite(.timeLimit(.minutes(1))) struct ConnectionEndpointsTests {
    /// A listening TCP socket on 127.0.0.1 and its port.
    static func listener() throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        try #require(fd >= 0 && bound)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func readsBothEndsAndTheListenerTheConnectionCameIn() throws {
        let server = try Self.listener()
        defer { close(server.fd) }
        let client = try #require(RawConnection.tcp(port: server.port, from: "127.0.0.2"))
        defer { close(client) }
        let accepted = accept(server.fd, nil, nil)
        defer { close(accepted) }
        let endpoints = try #require(ConnectionEndpoints(descriptor: accepted))
        #expect(endpoints.local == "127.0.0.1:\(server.port)")
        #expect(endpoints.address == "127.0.0.2")
        #expect(endpoints.peer.hasPrefix("127.0.0.2:"))
        #expect(endpoints.cameIn(on: "tcp://0.0.0.0:\(server.port)"))
        #expect(endpoints.cameIn(on: "tcp://127.0.0.1:\(server.port)"))
        #expect(!endpoints.cameIn(on: "tcp://127.0.0.1:\(server.port &+ 1)"))
        #expect(!endpoints.cameIn(on: "ipc:///tmp/x.sock"))
        #expect(ConnectionEndpoints(descriptor: server.fd) == nil, "a listener has no peer")
    }

    @Test func aReusedDescriptorIsNotShutDown() throws {
        let server = try Self.listener()
        defer { close(server.fd) }
        let firstClient = try #require(RawConnection.tcp(port: server.port))
        defer { close(firstClient) }
        let secondClient = try #require(RawConnection.tcp(port: server.port))
        defer { close(secondClient) }
        let first = accept(server.fd, nil, nil)
        let second = accept(server.fd, nil, nil)
        defer { close(first) }
        let firstEndpoints = try #require(ConnectionEndpoints(descriptor: first))
        let secondEndpoints = try #require(ConnectionEndpoints(descriptor: second))

        // The first connection ends and its descriptor number now holds the second connection
        // (as a reuse between an event and its handling would): the stale event's endpoints no
        // longer match, so nothing is shut down.
        #expect(dup2(second, first) == first)
        close(second)
        #expect(!firstEndpoints.shutDown(descriptor: first))
        #expect(!RawConnection.isClosed(secondClient, within: 0.2), "the other connection is untouched")
        // The same descriptor with the connection it holds is shut down.
        #expect(secondEndpoints.shutDown(descriptor: first))
        #expect(RawConnection.isClosed(secondClient, within: 2))

        // A descriptor reused for a file is left alone.
        let file = open("/dev/null", O_RDONLY)
        defer { close(file) }
        #expect(dup2(file, first) == first)
        #expect(!secondEndpoints.shutDown(descriptor: first))
    }
}
