import Foundation
import Testing

@testable import ZeroMQ

/// `receiveMultipart(maxTotalBytes:maxFrames:)` on real sockets: a message over a budget is taken
/// off the socket without its frames being copied, and the next message arrives intact.
@Suite("Receive under a message budget", .timeLimit(.minutes(1)))
struct BudgetedReceiveTests {
    /// A PULL bound at `endpoint` and a PUSH connected to it.
    private func pair(_ endpoint: String? = nil) throws -> (push: ZMQSocket, pull: ZMQSocket) {
        let context = try ZMQContext()
        let pull = try SocketFixtures.socket(context, .pull)
        let bound: String
        if let endpoint {
            try pull.bind(endpoint)
            bound = endpoint
        } else {
            bound = try SocketFixtures.bindLoopback(pull)
        }
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(bound)
        return (push, pull)
    }

    @Test func messageOverTheByteBudgetIsDroppedUncopiedAndTheNextArrivesIntact() throws {
        let (push, pull) = try pair()
        let megabyte = 1 << 20
        let header = SocketFixtures.bytes("header")
        let big = SocketFixtures.randomBytes(megabyte)
        // 8 MiB in eight frames against a 2-MiB budget, then a message within it.
        #expect(try push.send([header] + Array(repeating: big, count: 8)))
        let next: [[UInt8]] = [SocketFixtures.bytes("next"), SocketFixtures.randomBytes(megabyte), []]
        #expect(try push.send(next))

        let copiedBefore = pull.bytesCopied
        let first = try #require(try pull.receiveMultipart(maxTotalBytes: 2 * megabyte, maxFrames: 100))
        guard case .oversize(let oversize) = first else {
            Issue.record("an 8-MiB message passed a 2-MiB budget")
            return
        }
        #expect(oversize.frames == 9)
        #expect(oversize.bytes == header.count + 8 * megabyte)
        #expect(oversize.firstFrame == header)
        #expect(oversize.description.contains("2097152-byte cap"), "\(oversize)")
        // The header and the first megabyte fitted; nothing past the budget was copied.
        let copied = pull.bytesCopied - copiedBefore
        #expect(copied == header.count + megabyte, "\(copied) bytes copied of an oversize message")

        let second = try #require(try pull.receiveMultipart(maxTotalBytes: 2 * megabyte, maxFrames: 100))
        let intact = second.frames == next
        #expect(intact, "the message after an oversize one was not received whole")
    }

    @Test func messageOverTheFrameBudgetIsDroppedUncopied() throws {
        let (push, pull) = try pair("inproc://frames-\(UUID().uuidString)")
        let many = (0..<1_000).map { [UInt8(truncatingIfNeeded: $0)] }
        #expect(try push.send(many))
        let atTheCap = (0..<10).map { [UInt8($0), 0xFF] }
        #expect(try push.send(atTheCap))

        let copiedBefore = pull.bytesCopied
        let first = try #require(try pull.receiveMultipart(maxTotalBytes: 1 << 20, maxFrames: 10))
        #expect(first == .dropped(frames: 1_000, bytes: 1_000, firstFrame: [0], maxFrames: 10, 1 << 20))
        #expect(pull.bytesCopied - copiedBefore == 10, "only the frames within the cap were copied")
        // Exactly at both budgets: delivered.
        let second = try #require(try pull.receiveMultipart(maxTotalBytes: 20, maxFrames: 10))
        #expect(second.frames == atTheCap)
        #expect(try pull.receiveMultipart(maxTotalBytes: 20, maxFrames: 10, dontWait: true) == nil)
    }

    @Test func firstFrameOverTheBudgetLeavesNothingCopied() throws {
        let (push, pull) = try pair("inproc://first-\(UUID().uuidString)")
        #expect(try push.send([SocketFixtures.randomBytes(4_096), SocketFixtures.randomBytes(10)]))
        #expect(try push.send([SocketFixtures.bytes("small")]))
        let copiedBefore = pull.bytesCopied
        let first = try #require(try pull.receiveMultipart(maxTotalBytes: 1_000, maxFrames: 10))
        #expect(first == .dropped(frames: 2, bytes: 4_106, firstFrame: nil, maxFrames: 10, 1_000))
        #expect(pull.bytesCopied == copiedBefore)
        #expect(try pull.receive() == [SocketFixtures.bytes("small")])
    }

    @Test func routerReportsWhoSentAnOversizeMessage() throws {
        let context = try ZMQContext()
        let router = try SocketFixtures.socket(context, .router)
        let endpoint = try SocketFixtures.bindLoopback(router)
        let dealer = try SocketFixtures.socket(context, .dealer)
        try dealer.setRoutingID(SocketFixtures.bytes("peer-1"))
        try dealer.connect(endpoint)
        #expect(try dealer.send([SocketFixtures.bytes("header"), SocketFixtures.bytes("extra")]))
        #expect(try dealer.send([SocketFixtures.bytes("header")]))
        let first = try #require(try router.receiveMultipart(maxTotalBytes: 1_000, maxFrames: 2))
        guard case .oversize(let oversize) = first else {
            Issue.record("three frames passed a two-frame budget")
            return
        }
        #expect(oversize.firstFrame == SocketFixtures.bytes("peer-1"))
        #expect(oversize.description == "message of 3 frames exceeds the 2-frame cap")
        let second = try #require(try router.receiveMultipart(maxTotalBytes: 1_000, maxFrames: 2))
        #expect(second.frames == [SocketFixtures.bytes("peer-1"), SocketFixtures.bytes("header")])
    }
}

extension BudgetedMessage {
    /// An oversize report, spelled briefly for comparisons.
    static func dropped(
        frames: Int, bytes: Int, firstFrame: [UInt8]?, maxFrames: Int, _ maxTotalBytes: Int
    ) -> BudgetedMessage {
        .oversize(
            OversizeMessage(
                frames: frames, bytes: bytes, firstFrame: firstFrame, maxFrames: maxFrames,
                maxTotalBytes: maxTotalBytes))
    }
}
