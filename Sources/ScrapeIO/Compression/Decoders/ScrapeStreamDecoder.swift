#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one call of a streaming decoder produced.
enum StreamDecodeEvent: Equatable {
    /// `count` decoded bytes were written to the front of the output buffer, all from the compressed
    /// member (gzip member, zstd frame) that starts at `memberOffset` in the stored file; `nil` for
    /// uncompressed input, where the decoded position is itself the file offset.
    case bytes(count: Int, memberOffset: UInt64?)
    /// The member at `memberOffset` is broken (truncated, corrupt, unreadable). Decoded bytes already
    /// handed out from it may be incomplete; the decoder has moved on to resynchronise.
    case damaged(memberOffset: UInt64, reason: String)
    /// A candidate member found while resynchronising turned out bad as well. Already reported, so no
    /// new failure; the consumer should still drop any partial record it holds.
    case discontinuity
    /// No more bytes.
    case end
}

/// Turns stored bytes from an `InputChunkReader` into decoded bytes, chunk by chunk, in constant memory.
///
/// One call returns bytes of one member only, so the consumer can map every decoded byte back to the
/// offset of the member it came from (the record location the design asks for).
protocol ScrapeStreamDecoder: AnyObject {
    /// Free bytes the consumer should offer per `decode` call (at least).
    var preferredOutputRoom: Int { get }
    func decode(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent
}

extension ScrapeStreamDecoder {
    var preferredOutputRoom: Int { DecodedInputBuffer.decodeChunk }
}

/// A decoder whose output can be repositioned: uncompressed regular files, where the decoded
/// position is the file offset.
protocol SeekableStreamDecoder: ScrapeStreamDecoder {
    /// The size of the input, or nil when it cannot seek (a pipe).
    var seekableSize: UInt64? { get }
    /// Continues decoding at `position`; false when the input cannot seek.
    func seek(to position: UInt64) -> Bool
}

/// The decoder for uncompressed input: bytes pass through, read straight into the output buffer.
final class PassthroughStreamDecoder: SeekableStreamDecoder {
    private let input: InputChunkReader
    private var reportedError = false

    init(input: InputChunkReader) {
        self.input = input
    }

    func decode(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent {
        let count = input.readDirect(into: output)
        if count > 0 { return .bytes(count: count, memberOffset: nil) }
        if let error = input.readError, !reportedError {
            reportedError = true
            return .damaged(memberOffset: input.offset, reason: "read error: \(error)")
        }
        return .end
    }

    var seekableSize: UInt64? { input.regularFileSize }

    func seek(to position: UInt64) -> Bool {
        input.seek(to: position)
    }
}

/// Finding the start of the next compressed member in raw bytes, for resynchronisation.
enum MemberHeaderScanner {
    /// The index of the first gzip member header in `bytes` (1f 8b 08, reserved flag bits clear), or
    /// nil. A candidate too close to the end to check fully counts as found so the caller keeps it.
    static func firstGzipHeader(in bytes: UnsafeRawBufferPointer) -> Int? {
        firstMatch(in: bytes, lead: 0x1f) { rest in
            guard rest.count >= 4 else { return rest.count < 2 || rest[1] == 0x8b }
            return rest[1] == 0x8b && rest[2] == 0x08 && rest[3] & 0xe0 == 0
        }
    }

    /// The offsets (`base` plus the index) of every gzip member header candidate in `bytes`, in
    /// order: the places a reader resynchronising in a window of a file checks one by one.
    static func gzipHeaders(in bytes: UnsafeRawBufferPointer, base: UInt64) -> [UInt64] {
        var found: [UInt64] = []
        var index = 0
        while index < bytes.count,
            let hit = firstGzipHeader(in: UnsafeRawBufferPointer(rebasing: bytes[index...]))
        {
            found.append(base + UInt64(index + hit))
            index += hit + 1
        }
        return found
    }

    /// The index of the first zstd frame magic (28 b5 2f fd) in `bytes`, or nil; see `firstGzipHeader`.
    static func firstZstdFrame(in bytes: UnsafeRawBufferPointer) -> Int? {
        firstMatch(in: bytes, lead: 0x28) { rest in
            let magic: [UInt8] = [0x28, 0xb5, 0x2f, 0xfd]
            for index in 1..<min(4, rest.count) where rest[index] != magic[index] { return false }
            return true
        }
    }

    private static func firstMatch(
        in bytes: UnsafeRawBufferPointer, lead: UInt8, accept: (UnsafeRawBufferPointer) -> Bool
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var start = 0
        while start < bytes.count {
            guard let hit = memchr(base + start, Int32(lead), bytes.count - start) else { return nil }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if accept(UnsafeRawBufferPointer(rebasing: bytes[index...])) { return index }
            start = index + 1
        }
        return nil
    }
}
