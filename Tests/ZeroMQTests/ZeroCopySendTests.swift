import Foundation
import Testing
import ZeroMQ

/// Large frames are handed to libzmq without a copy; what the receiver gets must still be exactly
/// what was sent, whatever the sender does with its arrays afterwards.
@Suite("Zero-copy sends", .timeLimit(.minutes(1)))
struct ZeroCopySendTests {
    @Test func framesOutliveTheSendersArrays() throws {
        let context = try ZMQContext()
        let pull = try SocketFixtures.socket(context, .pull)
        let endpoint = try SocketFixtures.bindLoopback(pull)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)

        // Deep copies (`map { $0 }` builds new storage) to compare against later.
        var expected: [[UInt8]] = []
        do {
            var frames = (0..<8).map { _ in SocketFixtures.randomBytes(256 * 1024) }
            expected = frames.map { $0.map { $0 } }
            #expect(try push.send(frames))
            // The sender overwrites and drops its arrays before the I/O thread has necessarily
            // sent them, and new allocations may reuse freed memory.
            for index in frames.indices {
                frames[index].withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) }
            }
            frames.removeAll()
        }
        let filler = (0..<8).map { _ in [UInt8](repeating: 0xAA, count: 256 * 1024) }
        let received = try #require(try pull.receive())
        let identical = received == expected
        #expect(identical, "a frame changed after it was sent")
        #expect(filler.count == 8)
    }

    @Test func manyLargeMessagesArriveIntactAcrossIpc() throws {
        let context = try ZMQContext()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zc-\(UUID().uuidString)")
        let endpoint = "ipc://\(path.path)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.bind(endpoint)
        defer { try? FileManager.default.removeItem(at: path) }
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        var checksum = 0
        for round in 0..<200 {
            let frame = [UInt8](repeating: UInt8(round % 251), count: 20_000 + round)
            checksum &+= frame.count * Int(frame[0])
            #expect(try push.send([SocketFixtures.bytes("\(round)"), frame]))
        }
        var received = 0
        for _ in 0..<200 {
            let message = try #require(try pull.receive())
            received &+= message[1].count * Int(message[1][0])
            #expect(message[1].allSatisfy { $0 == message[1][0] })
        }
        #expect(received == checksum)
    }

    @Test func largeFrameRefusedWithoutAPeerIsReportedNotLost() throws {
        let context = try ZMQContext()
        let push = try SocketFixtures.socket(context, .push)
        // No connection: a PUSH with no peer cannot queue, and says so.
        #expect(try push.send([SocketFixtures.randomBytes(64 * 1024)], dontWait: true) == false)
    }
}
