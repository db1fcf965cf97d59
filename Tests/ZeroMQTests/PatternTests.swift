import Foundation
import TestExecutors
import Testing
import ZeroMQ

@Suite("Socket patterns", .timeLimit(.minutes(1)))
struct PatternTests {
    private let bytes = SocketFixtures.bytes

    @Test func routerSeesDealerRoutingIDAndRepliesToIt() throws {
        let context = try ZMQContext()
        let router = try SocketFixtures.socket(context, .router)
        let endpoint = try SocketFixtures.bindLoopback(router)
        let dealer = try SocketFixtures.socket(context, .dealer)
        try dealer.setRoutingID(bytes("worker-7"))
        try dealer.connect(endpoint)

        #expect(try dealer.send([bytes("ready"), bytes("4")]))
        #expect(try router.receive() == [bytes("worker-7"), bytes("ready"), bytes("4")])
        #expect(try router.send([bytes("worker-7"), bytes("job")]))
        #expect(try dealer.receive() == [bytes("job")])
    }

    @Test func routerMandatoryRejectsUnknownPeerWithHostUnreachable() throws {
        let context = try ZMQContext()
        let router = try SocketFixtures.socket(context, .router)
        try router.setRouterMandatory(true)
        _ = try SocketFixtures.bindLoopback(router)
        let error = #expect(throws: ZMQError.self) {
            try router.send([bytes("nobody"), bytes("lost")])
        }
        #expect(error?.errno == EHOSTUNREACH)
        #expect(error?.message.isEmpty == false)
    }

    @Test func routerWithoutMandatoryDropsUnknownPeerSilently() throws {
        let router = try SocketFixtures.socket(ZMQContext(), .router)
        _ = try SocketFixtures.bindLoopback(router)
        #expect(try router.send([bytes("nobody"), bytes("lost")]))
    }

    @Test func subscriberGetsOnlyItsPrefix() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let endpoint = "inproc://pubsub-\(UUID().uuidString)"
            let publisher = try SocketFixtures.socket(context, .pub)
            try publisher.bind(endpoint)
            let subscriber = try SocketFixtures.socket(context, .sub, timeoutMilliseconds: 50)
            try subscriber.subscribe(bytes("news."))
            try subscriber.connect(endpoint)

            // Subscriptions travel to the publisher asynchronously: publish until one gets through.
            let deadline = ContinuousClock.now + .seconds(3)
            var synchronised = false
            while !synchronised && ContinuousClock.now < deadline {
                try publisher.send([bytes("news.sync")])
                synchronised = try subscriber.receive() != nil
            }
            try #require(synchronised, "subscription never reached the publisher")

            for topic in ["sports.1", "news.1", "weather.2", "news.2", "news", "news.end"] {
                try publisher.send([bytes(topic), bytes("body")])
            }
            var topics: [String] = []
            while topics.last != "news.end", let message = try subscriber.receive() {
                let topic = SocketFixtures.text(message[0])
                if topic != "news.sync" { topics.append(topic) }
            }
            #expect(topics == ["news.1", "news.2", "news.end"])
        }
    }

    @Test func requestReplyAlternates() throws {
        let context = try ZMQContext()
        let reply = try SocketFixtures.socket(context, .rep)
        let endpoint = try SocketFixtures.bindLoopback(reply)
        let request = try SocketFixtures.socket(context, .req)
        try request.connect(endpoint)
        for number in 1...3 {
            #expect(try request.send([bytes("ping \(number)")]))
            #expect(try reply.receive() == [bytes("ping \(number)")])
            #expect(try reply.send([bytes("pong \(number)")]))
            #expect(try request.receive() == [bytes("pong \(number)")])
        }
        // A REQ must wait for its reply before the next request.
        try request.send([bytes("one")])
        let error = #expect(throws: ZMQError.self) { try request.send([bytes("two")]) }
        #expect(error?.message.contains("state") == true)
    }

    @Test func pushRoundRobinsOverConnectedPullers() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let endpoint = "inproc://pushpull-\(UUID().uuidString)"
            let push = try SocketFixtures.socket(context, .push)
            try push.bind(endpoint)
            // inproc connects synchronously, so both pipes exist before the first send.
            let first = try SocketFixtures.socket(context, .pull, timeoutMilliseconds: 200)
            try first.connect(endpoint)
            let second = try SocketFixtures.socket(context, .pull, timeoutMilliseconds: 200)
            try second.connect(endpoint)

            for number in 0..<10 { #expect(try push.send([[UInt8(number)]])) }
            var got: [[UInt8]] = []
            for puller in [first, second] {
                var count = 0
                while let message = try puller.receive() {
                    got.append(message[0])
                    count += 1
                }
                #expect(count == 5)
            }
            #expect(Set(got.map { $0[0] }) == Set(0..<10))
        }
    }
}
