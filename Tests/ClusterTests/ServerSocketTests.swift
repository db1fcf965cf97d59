import Testing
import ZeroMQ

@testable import Cluster

/// The set-up every bound socket gets: the handshake timeout reaches libzmq in milliseconds.
@Suite struct ServerSocketTests {
    @Test func handshakeTimeoutsBecomeMillisecondsWithinLibzmqRange() {
        #expect(Sockets.milliseconds(.seconds(5)) == 5_000)
        #expect(Sockets.milliseconds(.milliseconds(500)) == 500)
        // 0 would tell libzmq to wait for ever: the shortest timeout is 1 ms.
        #expect(Sockets.milliseconds(.zero) == 1)
        #expect(Sockets.milliseconds(.seconds(-3)) == 1)
        #expect(Sockets.milliseconds(.seconds(Int64.max)) == Int32.max)
    }

    @Test func boundSocketsCarryTheHandshakeTimeout() throws {
        let context = try ZMQContext()
        let router = try Sockets.router(
            context, bind: "tcp://127.0.0.1:*", curve: CurveSettings(), handshakeTimeout: .milliseconds(750))
        defer { router.close() }
        #expect(try router.handshakeInterval == 750)
        let pull = try Sockets.bound(context, type: .pull, at: "tcp://127.0.0.1:*", curve: CurveSettings())
        defer { pull.close() }
        #expect(try pull.handshakeInterval == Sockets.milliseconds(WireProtocol.handshakeTimeout))
    }
}
