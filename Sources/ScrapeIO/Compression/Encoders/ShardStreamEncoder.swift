import CZstd

/// A streaming compressor that cuts its output into independently decodable segments.
///
/// The sharded writer ends a segment (a gzip member, a zstd frame) at every commit, so each
/// committed prefix of a shard file is a complete, valid compressed file on its own. That is
/// what lets recovery truncate a file to its committed length and keep appending.
protocol ShardStreamEncoder: AnyObject {
    /// Compresses `input`, appending whatever compressed bytes are ready to `output`.
    func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(EncoderError)

    /// Ends the current segment, appending its tail to `output`; the next `compress` call
    /// starts a new segment.
    func endSegment(into output: inout [UInt8]) throws(EncoderError)

    /// Appends one complete segment with no payload, so an empty file still decodes.
    func emptySegment(into output: inout [UInt8]) throws(EncoderError)

    /// Drops any buffered state of the current segment so the next call starts a fresh one.
    func reset()
}

/// A failure reported by libdeflate or zstd while compressing.
struct EncoderError: Error, Sendable, CustomStringConvertible {
    var codec: String
    var message: String

    var description: String { "\(codec): \(message)" }
}

/// Size of the scratch block the zstd encoder compresses into before copying to the caller.
let encoderScratchBytes = 64 << 10

/// Builds the encoder for a compression mode at the given (already resolved) level; an encoder
/// that compresses whole buffers holds about `bufferBytes` of input at most before writing.
func makeShardStreamEncoder(
    _ compression: OutputCompression, level: Int, bufferBytes: Int = ShardSettings().bufferBytes
) throws(EncoderError) -> ShardStreamEncoder {
    switch compression {
    case .none: return PassthroughShardEncoder()
    case .gzip: return try LibdeflateGzipEncoder(level: level, memberCap: bufferBytes)
    case .zstd: return try ZstdFrameEncoder(level: level)
    }
}

/// The "no compression" mode: bytes are stored as given and segments need no framing.
final class PassthroughShardEncoder: ShardStreamEncoder {
    func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        output.append(contentsOf: input)
    }

    func endSegment(into output: inout [UInt8]) {}

    func emptySegment(into output: inout [UInt8]) {}

    func reset() {}
}

extension OutputCompression {
    /// The levels the codec accepts; `nil` when there is no level to set.
    var supportedLevels: ClosedRange<Int>? {
        switch self {
        case .none: nil
        case .gzip: 0...9
        case .zstd: Int(ZSTD_minCLevel())...Int(ZSTD_maxCLevel())
        }
    }
}
