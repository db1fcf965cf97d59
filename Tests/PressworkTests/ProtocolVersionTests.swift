import Foundation
import TestSupport
import Testing
import ZeroMQ

/// A peer that speaks another protocol version gets a clear error, not garbage, and the
/// coordinator keeps serving everyone else.
@Suite(.serialized) struct ProtocolVersionTests {
    @Test func peerWithAnotherVersionGetsAClearError() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let input = dir.path("page.html")
            try Data("<html><body><p>Hello there, a tiny page.</p></body></html>".utf8).write(to: input)
            let cluster = try LocalCluster(dir: dir)
            try cluster.startCoordinator([input.path], extra: ["--keep-running"])

            let context = try ZMQContext()
            let socket = try ZMQSocket(context: context, type: .dealer)
            try socket.setLinger(milliseconds: 0)
            try socket.setReceiveTimeout(milliseconds: 5_000)
            try socket.connect(cluster.coordinatorEndpoint)
            let hello =
                #"{"v":99,"t":"hello","b":{"peer":{"id":"x","role":"worker","host":"h","pid":1,"threads":1},"credit":4}}"#
            try socket.send([Array(hello.utf8)])
            let reply = try #require(try socket.receive(), "the coordinator answers")
            let text = String(decoding: reply.first ?? [], as: UTF8.self)
            #expect(text.contains(#""t":"error""#))
            #expect(text.contains("version 99"))

            let status = try #require(cluster.status(), "the coordinator still answers status")
            #expect(status["workers"] as? [Any] != nil)
            #expect((status["workers"] as? [Any])?.isEmpty == true, "the stranger was not registered")
            socket.close()
        }
    }
}
