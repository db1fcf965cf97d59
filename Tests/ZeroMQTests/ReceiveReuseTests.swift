import Foundation
import Testing
import ZeroMQ

/// `receive` copies into the arrays of the previous message when the caller has let go of them;
/// these tests make sure a message the caller still holds is never changed by a later receive.
@Suite("Receive buffer reuse", .timeLimit(.minutes(1)))
struct ReceiveReuseTests {
    private func pair() throws -> (push: ZMQSocket, pull: ZMQSocket) {
        let context = try ZMQContext()
        let endpoint = "inproc://reuse-\(UUID().uuidString)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.bind(endpoint)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        return (push, pull)
    }

    @Test func heldMessageSurvivesLaterReceivesOfEveryShape() throws {
        let (push, pull) = try pair()
        let messages: [[[UInt8]]] = [
            [[1, 1, 1], [2, 2]],
            [[3, 3, 3], [4, 4]],  // same shape: the in-place copy path
            [[5], [6, 6, 6, 6], [7]],  // more frames, different sizes
            [[8, 8]],  // fewer frames
            [[], [9]],
        ]
        for message in messages { try push.send(message) }
        var held: [[[UInt8]]] = []
        for message in messages {
            let received = try #require(try pull.receive())
            #expect(received == message)
            held.append(received)
        }
        #expect(held == messages, "a later receive changed a message the caller kept")
    }

    @Test func releasedMessagesAreStillReceivedCorrectly() throws {
        let (push, pull) = try pair()
        for number in 0..<200 {
            let message = [SocketFixtures.randomBytes(number % 7 * 10), [UInt8(number % 256)]]
            try push.send(message)
            // Each received message is dropped before the next receive, so storage is reused.
            #expect(try pull.receive() == message)
        }
    }

    @Test func heldSingleFrameSurvivesWhenItsMessageIsDropped() throws {
        let (push, pull) = try pair()
        try push.send([[1], [2, 2, 2]])
        try push.send([[3], [4, 4, 4]])
        let body = try #require(try pull.receive())[1]
        #expect(try pull.receive() == [[3], [4, 4, 4]])
        #expect(body == [2, 2, 2])
    }

    @Test func mutatingAReceivedMessageDoesNotLeakIntoTheNext() throws {
        let (push, pull) = try pair()
        try push.send([[1, 2, 3]])
        try push.send([[4, 5, 6]])
        var first = try #require(try pull.receive())
        first[0][0] = 99
        #expect(first == [[99, 2, 3]])
        #expect(try pull.receive() == [[4, 5, 6]])
        #expect(first == [[99, 2, 3]])
    }

    @Test func messagesOverTheRecycleLimitAreHandedOverWhole() throws {
        let (push, pull) = try pair()
        let half = ZMQSocket.recycleLimit / 2
        let big = [SocketFixtures.randomBytes(half), SocketFixtures.randomBytes(half + 1)]
        try push.send(big)
        try push.send([[1]])
        let first = try #require(try pull.receive())
        let second = try pull.receive()
        let intact = first == big
        #expect(intact)
        #expect(second == [[1]])
    }
}
