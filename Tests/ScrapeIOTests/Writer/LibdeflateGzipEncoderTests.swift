import Foundation
import Testing

@testable import ScrapeIO

/// The libdeflate gzip encoder: whole members per segment, extra members past the cap, and
/// output that zlib and `gzip -dc` read back byte for byte.
@Suite struct LibdeflateGzipEncoderTests {
    /// Text that compresses like prose, not like a repeated line: words picked by a fixed LCG.
    private static func text(bytes: Int, seed: UInt64) -> [UInt8] {
        let words = [
            "the", "harbour", "council", "voted", "on", "Tuesday", "to", "reopen", "a", "bridge", "7",
        ]
        var state = seed &* 6_364_136_223_846_793_005 &+ 1
        var output: [UInt8] = []
        output.reserveCapacity(bytes + 16)
        while output.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            output.append(contentsOf: words[Int(state >> 33) % words.count].utf8)
            output.append(state >> 60 == 0 ? 0x0A : 0x20)
        }
        return Array(output.prefix(bytes))
    }

    /// Feeds `data` to the encoder in pieces of the given sizes, cycling.
    private static func feed(
        _ data: [UInt8], pieces: [Int], to encoder: LibdeflateGzipEncoder, into output: inout [UInt8]
    ) throws {
        var offset = 0
        var index = 0
        while offset < data.count {
            let end = min(data.count, offset + pieces[index % pieces.count])
            try Array(data[offset..<end]).withUnsafeBytes { try encoder.compress($0, into: &output) }
            offset = end
            index += 1
        }
    }

    @Test func manyCommitsDecodeExactlyWithZlibAndGzip() throws {
        let cap = 64 << 10
        let encoder = try LibdeflateGzipEncoder(level: 1, memberCap: cap)
        var output: [UInt8] = []
        var input: [UInt8] = []
        var ends: [(bytes: Int, input: Int)] = []
        for segment in 0..<40 {
            // Empty segments, small ones, and some past the cap; pieces smaller and larger than it.
            let size = [0, 1, 5_000, 70_000, 150_000, 30_000, 0, 200_000][segment % 8]
            let data = Self.text(bytes: size, seed: UInt64(segment))
            try Self.feed(data, pieces: [777, cap + 3, 10, 40_000], to: encoder, into: &output)
            input += data
            if segment % 13 == 6 {
                try encoder.emptySegment(into: &output)
            } else {
                try encoder.endSegment(into: &output)
            }
            ends.append((output.count, input.count))
        }
        for end in ends {
            #expect(
                try WriterFixtures.gunzip(Array(output[0..<end.bytes])).content == Array(input[0..<end.input])
            )
        }
        #expect(output.count * 2 < input.count, "text compresses")

        let dir = try WriterScratchDirectory()
        for end in [ends[3], ends[20], ends[39]] {
            try dir.write("prefix.gz", Array(output[0..<end.bytes]))
            guard let result = try WriterFixtures.run("gzip", ["-dc", dir.file("prefix.gz")]) else {
                print("skipping the gzip -dc check: gzip is not installed")
                return
            }
            #expect(result.status == 0)
            #expect(Array(result.output) == Array(input[0..<end.input]))
        }
    }

    @Test func aSegmentOverTheCapIsWrittenAsWholeMembersAsItGrows() throws {
        let encoder = try LibdeflateGzipEncoder(level: 1, memberCap: 10_000)
        let data = Self.text(bytes: 35_000, seed: 9)
        var output: [UInt8] = []
        try Self.feed(data, pieces: [777], to: encoder, into: &output)
        // Three full members are out before the segment ends: the buffer never passes the cap.
        let early = try WriterFixtures.gunzip(output)
        #expect(early.members == 3)
        #expect(early.content == Array(data[0..<30_000]))
        try encoder.endSegment(into: &output)
        let whole = try WriterFixtures.gunzip(output)
        #expect(whole.members == 4)
        #expect(whole.content == data)

        // A piece past the cap, with nothing buffered, is compressed in place: members of the
        // cap, the last one taking the rest (under twice the cap), so nothing is left buffered.
        var direct: [UInt8] = []
        try data.withUnsafeBytes { try encoder.compress($0, into: &direct) }
        #expect(try WriterFixtures.gunzip(direct) == (data, 3))
        let complete = direct.count
        try encoder.endSegment(into: &direct)
        #expect(direct.count == complete)
    }

    @Test func emptySegmentsWriteOneEmptyMemberAndNothingMore() throws {
        let encoder = try LibdeflateGzipEncoder(level: 1, memberCap: 100)
        var output: [UInt8] = []
        try encoder.endSegment(into: &output)
        #expect(output.isEmpty)
        try encoder.emptySegment(into: &output)
        #expect(output.count <= 32)
        #expect(try WriterFixtures.gunzip(output) == ([], 1))

        // Input that already went out as a member leaves nothing buffered: the end adds nothing.
        let data = Self.text(bytes: 100, seed: 1)
        var full: [UInt8] = []
        try data.withUnsafeBytes { try encoder.compress($0, into: &full) }
        let afterMember = full.count
        try encoder.endSegment(into: &full)
        #expect(full.count == afterMember)
        #expect(try WriterFixtures.gunzip(full) == (data, 1))

        // An empty segment after buffered input ends that member instead of adding another.
        var pending: [UInt8] = []
        try Array(data[0..<50]).withUnsafeBytes { try encoder.compress($0, into: &pending) }
        try encoder.emptySegment(into: &pending)
        #expect(try WriterFixtures.gunzip(pending) == (Array(data[0..<50]), 1))
    }

    @Test func levelsKeepZlibsMeaning() throws {
        let data = Self.text(bytes: 300_000, seed: 3)
        var sizes: [Int: Int] = [:]
        for level in [0, 1, 9, 12] {
            let encoder = try LibdeflateGzipEncoder(level: level, memberCap: 1 << 20)
            var output: [UInt8] = []
            try data.withUnsafeBytes { try encoder.compress($0, into: &output) }
            try encoder.endSegment(into: &output)
            #expect(try WriterFixtures.gunzip(output).content == data, "level \(level)")
            sizes[level] = output.count
        }
        #expect(try #require(sizes[0]) > data.count, "level 0 stores")
        #expect(try #require(sizes[9]) < (try #require(sizes[1])), "level 9 is smaller than level 1")
        #expect(try #require(sizes[12]) <= (try #require(sizes[9])))
    }
}
