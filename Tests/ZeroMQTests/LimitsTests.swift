import Foundation
import TestExecutors
import Testing
import ZeroMQ

@Suite("Message size limit and high-water marks", .timeLimit(.minutes(1)))
struct LimitsTests {
    @Test func oversizedMessageIsDroppedWhileSmallOnesArriveAfterReconnect() async throws {
        try await DedicatedThreads.run {
            let limit = 1024
            let context = try ZMQContext()
            let pull = try SocketFixtures.socket(context, .pull, timeoutMilliseconds: 100)
            try pull.setMaxMessageSize(Int64(limit))
            let endpoint = try SocketFixtures.bindLoopback(pull)
            let push = try SocketFixtures.socket(context, .push)
            try push.setReconnect(interval: 20, max: 100)
            try push.connect(endpoint)

            #expect(try push.send([SocketFixtures.randomBytes(limit * 4)]))
            // The receiver drops the connection on the oversized frame; the pusher reconnects and its
            // later, small messages get through. Keep sending small ones until one arrives.
            var sizes: [Int] = []
            let deadline = ContinuousClock.now + .seconds(4)
            while sizes.isEmpty && ContinuousClock.now < deadline {
                try push.send([SocketFixtures.randomBytes(10)])
                while let message = try pull.receive() {
                    sizes.append(message.map(\.count).reduce(0, +))
                }
            }
            #expect(!sizes.isEmpty, "no small message arrived after the oversized one")
            #expect(sizes.allSatisfy { $0 <= limit }, "oversized message was delivered: \(sizes)")
        }
    }

    @Test func messageAtTheLimitIsDelivered() throws {
        let context = try ZMQContext()
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.setMaxMessageSize(1024)
        let endpoint = try SocketFixtures.bindLoopback(pull)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        let message = [SocketFixtures.randomBytes(1024)]
        #expect(try push.send(message))
        #expect(try pull.receive() == message)
    }

    @Test func sendHighWaterMarkBoundsTheQueue() throws {
        let context = try ZMQContext()
        let endpoint = "inproc://hwm-\(UUID().uuidString)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.setReceiveHighWaterMark(1)
        try pull.bind(endpoint)
        let push = try SocketFixtures.socket(context, .push)
        try push.setSendHighWaterMark(1)
        try push.setImmediate(true)
        try push.connect(endpoint)
        var accepted = 0
        while accepted < 100, try push.send([[UInt8(accepted)]], dontWait: true) { accepted += 1 }
        // inproc adds the two marks together: a couple of messages fit, never a hundred.
        #expect(accepted >= 1 && accepted <= 4, "accepted \(accepted)")
        for number in 0..<accepted { #expect(try pull.receive() == [[UInt8(number)]]) }
    }

    @Test func otherOptionsAreAccepted() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .dealer)
        try socket.setHeartbeat(interval: 1000, timeout: 3000, ttl: 6000)
        try socket.setReconnect(interval: 100, max: 5000)
        try socket.setImmediate(false)
        let error = #expect(throws: ZMQError.self) { try socket.setRoutingID([]) }
        #expect(error?.errno == EINVAL)
    }
}
