import CZlib

/// Streaming decoder for a sequence of gzip members (RFC 1952), the layout of `.warc.gz`.
///
/// zlib's `inflate` stops at the end of each member; we then reset it and go on with the next one,
/// remembering the stored offset where each member starts. A truncated member ends the stream with a
/// `.damaged` event; a corrupt one gives `.damaged` and decoding resumes at the next byte sequence that
/// looks like a member header (1f 8b 08), so one bad record does not lose the rest of a file.
final class GzipMemberDecoder: ScrapeStreamDecoder {
    private enum State {
        case expectingHeader
        case inMember
        case resynchronising
        case finished
    }

    private let input: InputChunkReader
    private let stream: UnsafeMutablePointer<z_stream>
    private var state = State.expectingHeader
    private var memberOffset: UInt64 = 0
    /// After a reported failure, further bad candidates stay quiet until one member decodes cleanly.
    private var quiet = false
    private var initialised = false
    private var paddingStart: UInt64?

    init(input: InputChunkReader) {
        self.input = input
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 16 + 15: a gzip wrapper (not zlib or raw deflate) with the largest window.
        initialised =
            inflateInit2_(stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if initialised { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
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
            inflateReset(stream)
            state = .inMember
            return nil
        }
        state = .resynchronising
        input.consume(1)
        return report(reason: "not a gzip member (bad magic bytes)")
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
                inflateReset(stream)
                state = .inMember
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
