import CZlib

/// Streaming decoder for a sequence of gzip members (RFC 1952), the layout of `.warc.gz`.
///
/// Each member is first decoded whole with libdeflate (`WholeGzipMemberInflater`, about 3× zlib)
/// when it fits in the input buffer (one `InputChunkReader` chunk, 256 KiB of compressed bytes) and
/// its output fits in the room the consumer gave (`preferredOutputRoom`). Members that do not fit,
/// and members that are cut off or corrupt, are streamed with zlib's `inflate` instead, which stops
/// at the end of each member; we then reset it and go on with the next one. Either way we remember
/// the stored offset where each member starts. A truncated member ends the stream with a `.damaged`
/// event; a corrupt one gives `.damaged` and decoding resumes at the next byte sequence that looks
/// like a member header (1f 8b 08), so one bad record does not lose the rest of a file.
final class GzipMemberDecoder: ScrapeStreamDecoder {
    private enum State {
        case expectingHeader
        /// A member header is at the current offset: try the whole-member fast path first.
        case atMember
        /// Streaming the current member with zlib.
        case inMember
        case resynchronising
        case finished
    }

    /// Decoded room asked for per call: large enough for nearly every web page's record, so the
    /// whole-member path rarely has to give a member back to zlib for lack of output space.
    static let wholeMemberOutputRoom = 2 << 20
    /// Extra reads tried when a member may be cut off by the end of the buffered bytes, before it is
    /// handed to zlib (regular files fill the buffer in one read; pipes deliver less per read).
    static let maximumRefills = 2

    /// How members were decoded so far, for tests and benchmarks.
    struct Counts: Equatable {
        /// Members decoded in one go by libdeflate.
        var wholeMembers = 0
        /// Members (or header candidates) handed to zlib's streaming inflate.
        var streamedMembers = 0
        /// Extra reads made because a member ran past the end of the buffered bytes.
        var refills = 0
    }

    private(set) var counts = Counts()
    private let input: InputChunkReader
    private let zlib = GzipInflateStream()
    private var stream: UnsafeMutablePointer<z_stream> { zlib.pointer }
    private var initialised: Bool { zlib.initialised }
    /// nil when the fast path is off (tests compare both paths on the same bytes).
    private let wholeMember: WholeGzipMemberInflater?
    private var state = State.expectingHeader
    private var memberOffset: UInt64 = 0
    /// After a reported failure, further bad candidates stay quiet until one member decodes cleanly.
    private var quiet = false
    private var paddingStart: UInt64?

    init(input: InputChunkReader, wholeMembers: Bool = true) {
        self.input = input
        wholeMember = wholeMembers ? WholeGzipMemberInflater() : nil
    }

    var preferredOutputRoom: Int { Self.wholeMemberOutputRoom }

    /// The stored offset of the next member when decoding rests between two members with nothing
    /// pending (no failure being quieted, no zero padding half read); nil otherwise.
    var memberBoundary: UInt64? {
        guard state == .expectingHeader || state == .atMember, !quiet, paddingStart == nil else { return nil }
        return input.offset
    }

    func decode(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent {
        guard initialised else {
            state = .finished
            return .damaged(memberOffset: 0, reason: "zlib could not be initialised")
        }
        while true {
            switch state {
            case .finished:
                return .end
            case .expectingHeader:
                if let event = startNextMember() { return event }
            case .atMember:
                if let event = decodeWholeMember(into: output) { return event }
            case .resynchronising:
                if !scanToNextMember() {
                    state = .finished
                    return .end
                }
            case .inMember:
                if let event = inflateSome(into: output) { return event }
            }
        }
    }

    /// Starts the member at the current offset, skips zero padding, or reports junk; nil to go on.
    private func startNextMember() -> StreamDecodeEvent? {
        let head = input.peek(2)
        if head.isEmpty {
            state = .finished
            if let error = input.readError {
                return .damaged(memberOffset: input.offset, reason: "read error: \(error)")
            }
            return nil
        }
        if head[0] == 0 {
            // Some writers pad the file with zeros after the last member; gzip(1) accepts that too.
            // If junk follows, it is reported from where the zeros began.
            if paddingStart == nil { paddingStart = input.offset }
            var zeros = 0
            while zeros < head.count, head[zeros] == 0 { zeros += 1 }
            input.consume(zeros)
            return nil
        }
        memberOffset = paddingStart ?? input.offset
        paddingStart = nil
        if head.count >= 2, head[0] == 0x1f, head[1] == 0x8b {
            memberOffset = input.offset
            state = .atMember
            return nil
        }
        state = .resynchronising
        input.consume(1)
        return report(reason: "not a gzip member (bad magic bytes)")
    }

    /// Decodes the member at the current offset in one go when it is whole in the input buffer;
    /// otherwise switches to streaming it with zlib. Nil to go on (also after an empty member).
    private func decodeWholeMember(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent? {
        guard let wholeMember else { return streamMember() }
        // Top up the buffer when less than half is left, so a member rarely straddles its end; the
        // memmove this costs is at most one byte per byte consumed, far below the cost of inflating.
        // Not on pipes: a read there may wait, and a complete member must not wait for the next.
        if input.isRegularFile, input.unconsumed.count < input.capacity / 2 { input.refill() }
        var refills = 0
        while true {
            let available = input.unconsumed
            switch wholeMember.decodeFirstMember(of: available, into: output) {
            case .decoded(let consumed, let produced):
                input.consume(consumed)
                counts.wholeMembers += 1
                state = .expectingHeader
                quiet = false
                return produced > 0 ? .bytes(count: produced, memberOffset: memberOffset) : nil
            case .undecidable:
                // Possibly cut off by the end of the buffer: read more and try again, a few times.
                let mayGrow = available.count < input.capacity && refills < Self.maximumRefills
                if mayGrow, input.refill() {
                    refills += 1
                    counts.refills += 1
                    continue
                }
            case .outputTooSmall:
                break
            }
            return streamMember()
        }
    }

    /// Hands the member at the current offset to zlib's streaming inflate.
    private func streamMember() -> StreamDecodeEvent? {
        inflateReset(stream)
        counts.streamedMembers += 1
        state = .inMember
        return nil
    }

    /// Runs `inflate` until the output is full, the member ends, or something breaks.
    private func inflateSome(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent? {
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(clamping: output.count)
        while true {
            var available = input.unconsumed
            if available.isEmpty {
                _ = input.refill()
                available = input.unconsumed
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if available.isEmpty {
                if produced > 0 { return .bytes(count: produced, memberOffset: memberOffset) }
                state = .finished
                let reason = input.readError.map { "read error: \($0)" } ?? "truncated gzip member"
                return report(reason: reason)
            }
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: available.baseAddress!.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(clamping: available.count)
            let status = inflate(stream, Z_NO_FLUSH)
            input.consume(available.count - Int(stream.pointee.avail_in))
            let producedNow = output.count - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                state = .expectingHeader
                quiet = false
                if producedNow > 0 { return .bytes(count: producedNow, memberOffset: memberOffset) }
                return nil
            case Z_OK, Z_BUF_ERROR:
                if stream.pointee.avail_out == 0 {
                    return .bytes(count: producedNow, memberOffset: memberOffset)
                }
            default:
                // Output of this call is dropped: it ends in bad data (often a failed CRC check).
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                if input.offset == memberOffset { input.consume(min(1, input.unconsumed.count)) }
                state = .resynchronising
                return report(reason: "corrupt gzip member: \(message)")
            }
        }
    }

    /// Skips to the next plausible member header; false at the end of the input.
    private func scanToNextMember() -> Bool {
        while true {
            let window = input.unconsumed
            if let index = MemberHeaderScanner.firstGzipHeader(in: window), window.count - index >= 4 {
                input.consume(index)
                memberOffset = input.offset
                state = .atMember
                return true
            }
            let keep = min(3, window.count)
            input.consume(window.count - keep)
            if !input.refill() { return false }
        }
    }

    private func report(reason: String) -> StreamDecodeEvent {
        if quiet { return .discontinuity }
        quiet = true
        return .damaged(memberOffset: memberOffset, reason: reason)
    }
}
