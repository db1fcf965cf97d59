import CZstd

/// Streaming decoder for zstd files (`.jsonl.zst`, `.warc.zst`): one or more frames, decoded with
/// `ZSTD_decompressStream` in constant memory.
///
/// Locations use the offset of the frame a byte came from, the zstd counterpart of a gzip member.
/// A damaged frame is reported once and decoding resumes at the next frame magic (28 b5 2f fd).
final class ZstdStreamDecoder: ScrapeStreamDecoder {
    private let input: InputChunkReader
    private let context: OpaquePointer?
    private var frameOffset: UInt64 = 0
    private var inFrame = false
    private var finished = false
    private var quiet = false

    init(input: InputChunkReader) {
        self.input = input
        context = ZSTD_createDCtx()
    }

    deinit {
        if let context { ZSTD_freeDCtx(context) }
    }

    func decode(into output: UnsafeMutableRawBufferPointer) -> StreamDecodeEvent {
        guard let context else {
            finished = true
            return .damaged(memberOffset: 0, reason: "zstd could not be initialised")
        }
        var outBuffer = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
        while !finished {
            var available = input.unconsumed
            if available.isEmpty {
                _ = input.refill()
                available = input.unconsumed
            }
            if available.isEmpty {
                if outBuffer.pos > 0 { return .bytes(count: outBuffer.pos, memberOffset: frameOffset) }
                finished = true
                if let error = input.readError {
                    return report(reason: "read error: \(error)")
                }
                return inFrame ? report(reason: "truncated zstd frame") : .end
            }
            if !inFrame {
                frameOffset = input.offset
                inFrame = true
            }
            var inBuffer = ZSTD_inBuffer(src: available.baseAddress, size: available.count, pos: 0)
            let result = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            input.consume(inBuffer.pos)
            if ZSTD_isError(result) != 0 {
                let message = String(cString: ZSTD_getErrorName(result))
                ZSTD_DCtx_reset(context, ZSTD_reset_session_only)
                if input.offset == frameOffset { input.consume(min(1, input.unconsumed.count)) }
                let event = report(reason: "corrupt zstd frame: \(message)")
                resynchronise()
                return event
            }
            if result == 0 {
                // A frame ended: hand out its bytes now so the next frame's bytes get their own offset.
                inFrame = false
                quiet = false
                if outBuffer.pos > 0 { return .bytes(count: outBuffer.pos, memberOffset: frameOffset) }
            } else if outBuffer.pos == outBuffer.size {
                return .bytes(count: outBuffer.pos, memberOffset: frameOffset)
            }
        }
        return .end
    }

    /// Skips to the next frame magic, or to the end of the input.
    private func resynchronise() {
        inFrame = false
        while true {
            let window = input.unconsumed
            if let index = MemberHeaderScanner.firstZstdFrame(in: window), window.count - index >= 4 {
                input.consume(index)
                return
            }
            let keep = min(3, window.count)
            input.consume(window.count - keep)
            if !input.refill() {
                input.consume(input.unconsumed.count)
                return
            }
        }
    }

    private func report(reason: String) -> StreamDecodeEvent {
        if quiet { return .discontinuity }
        quiet = true
        return .damaged(memberOffset: frameOffset, reason: reason)
    }
}
