import Testing

@testable import ScrapeIO

/// The encoders cut their output into segments that decode alone and when concatenated.
@Suite struct ShardStreamEncoderTests {
    private func encodeSegments(
        _ compression: OutputCompression, level: Int, segments: [[UInt8]]
    ) throws -> (whole: [UInt8], ends: [Int]) {
        let encoder = try makeShardStreamEncoder(compression, level: level)
        var output: [UInt8] = []
        var ends: [Int] = []
        for segment in segments {
            // Feed in uneven pieces, as the writer's buffer does.
            var rest = segment[...]
            while !rest.isEmpty {
                let piece = rest.prefix(777)
                try Array(piece).withUnsafeBytes { try encoder.compress($0, into: &output) }
                rest = rest.dropFirst(piece.count)
            }
            try encoder.endSegment(into: &output)
            ends.append(output.count)
        }
        return (output, ends)
    }

    private let segments = (0..<3).map { segment in
        Array((0..<2000).map { "segment \(segment) line \($0) about the harbour\n" }.joined().utf8)
    }

    @Test(arguments: [(OutputCompression.gzip, 1), (.gzip, 6), (.zstd, 3), (.zstd, -1), (.none, 0)])
    func everyCommittedPrefixDecodes(compression: OutputCompression, level: Int) throws {
        let (whole, ends) = try encodeSegments(compression, level: level, segments: segments)
        for (index, end) in ends.enumerated() {
            let decoded = try WriterFixtures.decode(Array(whole[0..<end]), compression)
            #expect(decoded == Array(segments[0...index].joined()))
        }
        if compression == .gzip {
            #expect(try WriterFixtures.gunzip(whole).members == 3)
        }
        if compression != .none {
            #expect(whole.count * 5 < segments.map(\.count).reduce(0, +), "repetitive text compresses")
        }
    }

    @Test(arguments: [OutputCompression.gzip, .zstd])
    func endingAnUntouchedSegmentWritesNothingButAnEmptySegmentDecodes(compression: OutputCompression) throws
    {
        let encoder = try makeShardStreamEncoder(compression, level: 3)
        var output: [UInt8] = []
        try encoder.endSegment(into: &output)
        #expect(output.isEmpty)
        try encoder.emptySegment(into: &output)
        #expect(!output.isEmpty)
        #expect(try WriterFixtures.decode(output, compression).isEmpty)
    }

    @Test(arguments: [OutputCompression.gzip, .zstd])
    func resetDropsAHalfWrittenSegment(compression: OutputCompression) throws {
        let encoder = try makeShardStreamEncoder(compression, level: 3)
        var discarded: [UInt8] = []
        try Array(repeating: UInt8(ascii: "x"), count: 100_000).withUnsafeBytes {
            try encoder.compress($0, into: &discarded)
        }
        encoder.reset()
        var output: [UInt8] = []
        try Array("kept\n".utf8).withUnsafeBytes { try encoder.compress($0, into: &output) }
        try encoder.endSegment(into: &output)
        #expect(try WriterFixtures.decode(output, compression) == Array("kept\n".utf8))
    }
}
