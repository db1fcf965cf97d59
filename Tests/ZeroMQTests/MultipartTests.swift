import Foundation
import Testing
import ZeroMQ

@Suite("Multipart messages", .timeLimit(.minutes(1)))
struct MultipartTests {
    @Test func emptyFramesAndOneMegabyteFrameSurviveTcp() throws {
        let context = try ZMQContext()
        let pull = try SocketFixtures.socket(context, .pull)
        let endpoint = try SocketFixtures.bindLoopback(pull)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)

        let big = SocketFixtures.randomBytes(1 << 20)
        let message: [[UInt8]] = [[], SocketFixtures.bytes("header"), [], big, []]
        #expect(try push.send(message))
        let received = try #require(try pull.receive())
        #expect(received.count == 5)
        #expect(received.map(\.count) == [0, 6, 0, 1 << 20, 0])
        // Compared as a Bool so a failure does not print a megabyte of operands.
        let identical = received == message
        #expect(identical, "frame bytes changed in transit")
    }

    @Test func singleEmptyFrameIsAMessage() throws {
        let context = try ZMQContext()
        let endpoint = "inproc://empty-\(UUID().uuidString)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.bind(endpoint)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        #expect(try push.send([[]]))
        #expect(try pull.receive() == [[]])
    }

    @Test func consecutiveMessagesKeepTheirBoundaries() throws {
        let context = try ZMQContext()
        let endpoint = "inproc://boundaries-\(UUID().uuidString)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.bind(endpoint)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        let messages: [[[UInt8]]] = [[[1], [2, 2]], [[3]], [[4], [], [5, 5, 5]]]
        for message in messages { #expect(try push.send(message)) }
        for message in messages { #expect(try pull.receive() == message) }
        #expect(try pull.receive(dontWait: true) == nil)
    }

    @Test func sendingNoFramesIsInvalid() throws {
        let push = try SocketFixtures.socket(ZMQContext(), .push)
        let error = #expect(throws: ZMQError.self) { try push.send([]) }
        #expect(error?.errno == EINVAL)
    }
}
