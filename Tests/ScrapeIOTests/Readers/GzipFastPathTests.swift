import Foundation
import TestSupport
import Testing

@testable import ScrapeIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The gzip decoder's two paths: whole members with libdeflate, and zlib streaming for members that
/// do not fit, are cut off or are corrupt. Small input buffers (4 KiB) put member boundaries
/// everywhere relative to the buffer's end.
@Suite("gzip members: whole-member fast path and zlib fallback")
struct GzipFastPathTests {
    struct Failure: Equatable {
        var offset: UInt64
        var reason: String
    }

    /// Everything one decoder gave for a file.
    struct Decoded {
        var bytes: [UInt8] = []
        /// The member offset of each run of `.bytes` events, in order.
        var members: [UInt64] = []
        var failures: [Failure] = []
        var discontinuities = 0
        var counts = GzipMemberDecoder.Counts()
    }

    static let chunkSize = 4096

    /// A text of `words` words from a small vocabulary: compresses about 4:1, like HTML.
    private func text(words: Int, random: inout MutatedInputTests.SeededBytes) -> [UInt8] {
        let vocabulary = [
            "the", "council", "budget", "harbour", "storm", "<p>", "</p>", "mayor", "said", "on",
            "Tuesday", "water", "rates", "rise", "by", "percent", "library", "reopens", "after", "years",
        ]
        let chosen = (0..<words).map { _ in vocabulary[random.next(below: vocabulary.count)] }
        return Array(chosen.joined(separator: " ").utf8)
    }

    private func offsets(of members: [[UInt8]]) -> [UInt64] {
        members.indices.map { UInt64(members[..<$0].reduce(0) { $0 + $1.count }) }
    }

    private func decode(
        _ bytes: [UInt8], outputRoom: Int = 1 << 20, descriptor: Int32? = nil, wholeMembers: Bool = true
    ) throws -> Decoded {
        let fd: Int32
        if let descriptor {
            fd = descriptor
        } else {
            let path = try ScrapeFixtures.write(bytes, to: try ScrapeFixtures.temporaryFolder() + "/m.gz")
            fd = open(path, O_RDONLY)
        }
        try #require(fd >= 0)
        let input = InputChunkReader(
            descriptor: fd, path: "m.gz", closesDescriptor: true, chunkSize: Self.chunkSize)
        let decoder = GzipMemberDecoder(input: input, wholeMembers: wholeMembers)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: outputRoom, alignment: 16)
        defer { output.deallocate() }
        var result = Decoded()
        for _ in 0..<100_000 {
            switch decoder.decode(into: output) {
            case .bytes(let count, let member):
                result.bytes += UnsafeRawBufferPointer(rebasing: output[0..<count])
                if let member, result.members.last != member { result.members.append(member) }
            case .damaged(let offset, let reason):
                result.failures.append(Failure(offset: offset, reason: reason))
            case .discontinuity:
                result.discontinuities += 1
            case .end:
                result.counts = decoder.counts
                return result
            }
        }
        Issue.record("the decoder did not reach the end")
        return result
    }

    @Test("members straddling the end of the input buffer are read again and decoded whole")
    func straddlingMembers() throws {
        var random = MutatedInputTests.SeededBytes(state: 61)
        let plain = (0..<40).map { _ in text(words: 300 + random.next(below: 3200), random: &random) }
        let members = plain.map { ScrapeFixtures.gzipMember($0) }
        let starts = offsets(of: members)
        // Preconditions that make this test mean something: members larger than half the buffer
        // (which the top-up before each member cannot always make room for) and many straddles.
        try #require(members.contains { $0.count > Self.chunkSize / 2 && $0.count < Self.chunkSize })
        let straddling = members.indices.filter {
            Int(starts[$0]) / Self.chunkSize != (Int(starts[$0]) + members[$0].count - 1) / Self.chunkSize
        }
        try #require(straddling.count >= 10)

        let decoded = try decode(members.flatMap { $0 })

        #expect(decoded.bytes == plain.flatMap { $0 })
        #expect(decoded.members == starts)
        #expect(decoded.failures.isEmpty)
        #expect(decoded.counts.wholeMembers == 40)
        #expect(decoded.counts.streamedMembers == 0)
        #expect(decoded.counts.refills > 0)
    }

    @Test("bytes arriving through a pipe in small pieces decode to the same bytes and offsets")
    func trickledThroughPipe() throws {
        var random = MutatedInputTests.SeededBytes(state: 62)
        let plain = (0..<12).map { _ in text(words: 200 + random.next(below: 2500), random: &random) }
        let members = plain.map { ScrapeFixtures.gzipMember($0) }
        let bytes = members.flatMap { $0 }
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let writeEnd = ends[1]
        let readEnd = ends[0]
        let writer = Thread {
            var position = 0
            while position < bytes.count {
                let piece = min(700, bytes.count - position)
                let written = bytes[position..<(position + piece)].withUnsafeBytes {
                    write(writeEnd, $0.baseAddress, $0.count)
                }
                if written <= 0 { break }
                position += written
                // The next piece once the reader has taken this one: it sees every piece alone.
                Waiting.until(timeout: 5, interval: 0.000_2) { !Self.hasBytesWaiting(readEnd) }
            }
            close(writeEnd)
        }
        writer.start()

        let decoded = try decode([], descriptor: ends[0])

        #expect(decoded.bytes == plain.flatMap { $0 })
        #expect(decoded.members == offsets(of: members))
        #expect(decoded.failures.isEmpty)
        #expect(decoded.counts.wholeMembers + decoded.counts.streamedMembers == 12)
    }

    /// Whether a read from `descriptor` would return bytes at once.
    static func hasBytesWaiting(_ descriptor: Int32) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & Int16(POLLIN) != 0
    }

    /// Whether the writer of `pipeDoesNotWait` gave up waiting; read after it signalled.
    final class WaitOutcome: @unchecked Sendable {
        var timedOut = false
    }

    @Test("a complete member from a pipe is handed out before more bytes arrive")
    func pipeDoesNotWait() throws {
        let first = ScrapeFixtures.gzipMember(Array("<p>first</p>".utf8))
        let second = ScrapeFixtures.gzipMember(Array("<p>second</p>".utf8))
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let writeEnd = ends[1]
        _ = first.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        let handedOut = DispatchSemaphore(value: 0)
        let writerDone = DispatchSemaphore(value: 0)
        let outcome = WaitOutcome()
        // The second member comes only once the first was handed out (or after 5 s, so a decoder
        // that waits for more bytes fails this test instead of hanging it).
        Thread {
            outcome.timedOut = handedOut.wait(timeout: .now() + 5) == .timedOut
            _ = second.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
            close(writeEnd)
            writerDone.signal()
        }.start()
        let input = InputChunkReader(
            descriptor: ends[0], path: "-", closesDescriptor: true, chunkSize: Self.chunkSize)
        let decoder = GzipMemberDecoder(input: input)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { output.deallocate() }

        let firstEvent = decoder.decode(into: output)
        handedOut.signal()
        writerDone.wait()

        #expect(!outcome.timedOut)
        #expect(firstEvent == .bytes(count: 12, memberOffset: 0))
        #expect(decoder.decode(into: output) == .bytes(count: 13, memberOffset: UInt64(first.count)))
        #expect(decoder.decode(into: output) == .end)
        #expect(decoder.counts.wholeMembers == 2)
    }

    @Test("a member larger than the input buffer is streamed with zlib; its neighbours are not")
    func memberOverInputCap() throws {
        var random = MutatedInputTests.SeededBytes(state: 63)
        let noise = (0..<20_000).map { _ in UInt8(random.next(below: 256)) }
        let plain = [text(words: 400, random: &random), noise, text(words: 400, random: &random)]
        let members = plain.map { ScrapeFixtures.gzipMember($0) }
        try #require(members[1].count > Self.chunkSize)

        let decoded = try decode(members.flatMap { $0 })

        #expect(decoded.bytes == plain.flatMap { $0 })
        #expect(decoded.members == offsets(of: members))
        #expect(decoded.failures.isEmpty)
        #expect(decoded.counts.wholeMembers == 2)
        #expect(decoded.counts.streamedMembers == 1)
    }

    @Test("a member whose output exceeds the room offered is streamed out in pieces")
    func memberOverOutputRoom() throws {
        var random = MutatedInputTests.SeededBytes(state: 64)
        let large = [UInt8](repeating: UInt8(ascii: "a"), count: 300_000)
        let plain = [text(words: 100, random: &random), large, text(words: 100, random: &random)]
        let members = plain.map { ScrapeFixtures.gzipMember($0) }
        try #require(members[1].count < Self.chunkSize / 2)

        let decoded = try decode(members.flatMap { $0 }, outputRoom: 64 << 10)

        #expect(decoded.bytes == plain.flatMap { $0 })
        #expect(decoded.members == offsets(of: members))
        #expect(decoded.counts.wholeMembers == 2)
        #expect(decoded.counts.streamedMembers == 1)
    }

    @Test("a truncated last member: complete members come whole, then one failure at its offset")
    func truncatedLastMember() throws {
        var random = MutatedInputTests.SeededBytes(state: 65)
        let plain = (0..<3).map { _ in text(words: 1500, random: &random) }
        let members = plain.map { ScrapeFixtures.gzipMember($0) }
        let starts = offsets(of: members)
        let complete = plain[0] + plain[1]

        let cutInData = try decode(members[0] + members[1] + members[2].prefix(members[2].count / 2))
        // Only the trailer (CRC and size) is missing: zlib hands out the whole text, then fails.
        let cutInTrailer = try decode(members[0] + members[1] + members[2].dropLast(4))

        for decoded in [cutInData, cutInTrailer] {
            #expect(decoded.failures == [Failure(offset: starts[2], reason: "truncated gzip member")])
            #expect(decoded.bytes.starts(with: complete))
            #expect(plain[2].starts(with: decoded.bytes.dropFirst(complete.count)))
            #expect(decoded.counts.wholeMembers == 2)
            #expect(decoded.counts.streamedMembers == 1)
        }
        #expect(cutInTrailer.bytes == complete + plain[2])
    }

    @Test("corrupt members among good ones fail at their offsets; the next members still decode whole")
    func corruptMembers() throws {
        var random = MutatedInputTests.SeededBytes(state: 66)
        let plain = (0..<5).map { _ in text(words: 800 + random.next(below: 800), random: &random) }
        var members = plain.map { ScrapeFixtures.gzipMember($0) }
        let middle = members[1].count / 2
        for index in middle..<(middle + 6) { members[1][index] ^= 0xa5 }  // damaged deflate data
        members[3][members[3].count - 6] ^= 0x01  // a wrong CRC in the trailer, data intact
        let starts = offsets(of: members)

        let decoded = try decode(members.flatMap { $0 })

        #expect(decoded.failures.map(\.offset) == [starts[1], starts[3]])
        #expect(decoded.failures.allSatisfy { $0.reason.hasPrefix("corrupt gzip member") })
        #expect(decoded.failures.last?.reason == "corrupt gzip member: incorrect data check")
        #expect(decoded.bytes == plain[0] + plain[2] + plain[4])
        #expect(decoded.members == [starts[0], starts[2], starts[4]])
        #expect(decoded.counts.wholeMembers == 3)
    }

    @Test("damaged files decode exactly as with zlib alone: same bytes, offsets and failures")
    func sameAsZlibAlone() throws {
        var random = MutatedInputTests.SeededBytes(state: 67)
        let plain = (0..<6).map { _ in text(words: 300 + random.next(below: 1500), random: &random) }
        let clean = plain.map { ScrapeFixtures.gzipMember($0) }.flatMap { $0 }
        var broken = 0
        for round in 0..<150 {
            var bytes = clean
            random.damage(&bytes, maxEdits: 4)
            let fast = try decode(bytes)
            let zlibOnly = try decode(bytes, wholeMembers: false)
            #expect(fast.bytes == zlibOnly.bytes, "round \(round)")
            #expect(fast.members == zlibOnly.members, "round \(round)")
            #expect(fast.failures == zlibOnly.failures, "round \(round)")
            #expect(fast.discontinuities == zlibOnly.discontinuities, "round \(round)")
            #expect(zlibOnly.counts.wholeMembers == 0)
            if !zlibOnly.failures.isEmpty { broken += 1 }
        }
        #expect(broken >= 100, "the damage should break most files")
    }
}
