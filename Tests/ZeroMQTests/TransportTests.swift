import Foundation
import TestExecutors
import TestSupport
import Testing
import ZeroMQ

@Suite("Transports and socket lifetime", .timeLimit(.minutes(1)))
struct TransportTests {
    /// Sends a request over `endpoint` (bound by a PAIR) and checks the reply comes back intact.
    private func roundTrip(bindTo bindEndpoint: String) throws {
        let context = try ZMQContext()
        let server = try SocketFixtures.socket(context, .pair)
        try server.bind(bindEndpoint)
        let endpoint = try server.lastEndpoint
        let client = try SocketFixtures.socket(context, .pair)
        try client.connect(endpoint)

        let request = [SocketFixtures.bytes("request"), SocketFixtures.randomBytes(300)]
        #expect(try client.send(request))
        #expect(try server.receive() == request)
        #expect(try server.send([SocketFixtures.bytes("reply")]))
        #expect(try client.receive() == [SocketFixtures.bytes("reply")])
    }

    @Test func inprocRoundTrip() throws {
        try roundTrip(bindTo: "inproc://transport-test-\(UUID().uuidString)")
    }

    @Test func ipcRoundTripInTemporaryDirectory() throws {
        let directory = try TemporaryDirectory(prefix: "zmq-tests")
        try roundTrip(bindTo: "ipc://" + directory.location + "/pair.ipc")
    }

    @Test func tcpRoundTripOnEphemeralLoopbackPort() throws {
        let context = try ZMQContext()
        let server = try SocketFixtures.socket(context, .pair)
        let endpoint = try SocketFixtures.bindLoopback(server)
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        let port = Int(endpoint.split(separator: ":").last ?? "")
        #expect((port ?? 0) > 0, "wildcard port should be resolved, got \(endpoint)")
        try roundTrip(bindTo: "tcp://127.0.0.1:*")
    }

    @Test func socketKeepsItsContextAlive() throws {
        // The only strong reference to the context is the socket's: dropping ours must not
        // terminate it (which would block, or break the socket).
        let endpoint = "inproc://lifetime-\(UUID().uuidString)"
        let (server, client) = try { () throws -> (ZMQSocket, ZMQSocket) in
            let context = try ZMQContext()
            let server = try SocketFixtures.socket(context, .pair)
            try server.bind(endpoint)
            let client = try SocketFixtures.socket(context, .pair)
            try client.connect(endpoint)
            return (server, client)
        }()
        #expect(try client.send([SocketFixtures.bytes("still alive")]))
        #expect(try server.receive() == [SocketFixtures.bytes("still alive")])
        #expect(server.context === client.context)
    }

    @Test func closeIsIdempotentAndLaterUseFailsWithNotSocket() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .push)
        #expect(!socket.isClosed)
        socket.close()
        socket.close()
        #expect(socket.isClosed)
        let error = #expect(throws: ZMQError.self) { try socket.send([[1]]) }
        #expect(error?.errno == ENOTSOCK)
        #expect(throws: ZMQError.self) { try socket.connect("inproc://anything") }
    }

    @Test func disconnectStopsDeliveryToThatEndpoint() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let pull = try SocketFixtures.socket(context, .pull, timeoutMilliseconds: 300)
            let endpoint = try SocketFixtures.bindLoopback(pull)
            let push = try SocketFixtures.socket(context, .push, timeoutMilliseconds: 300)
            try push.connect(endpoint)
            #expect(try push.send([[1]]))
            #expect(try pull.receive() == [[1]])
            try push.disconnect(endpoint)
            // With its only peer gone, a PUSH has nowhere to queue: the send times out.
            #expect(try push.send([[2]]) == false)
            #expect(try pull.receive() == nil)
        }
    }
}
