import CZstd

/// Streaming zstd compressor that writes one zstd frame per segment.
///
/// `endSegment` drives `ZSTD_compressStream2` with `ZSTD_e_end`, so a file is a sequence of
/// concatenated frames, which `zstd -dc` decodes as one stream.
final class ZstdFrameEncoder: ShardStreamEncoder {
    private let context: OpaquePointer
    private var scratch: [UInt8]
    private var frameStarted = false

    /// Creates an encoder at zstd `level` (1 fastest … 19 smallest; negative levels are faster).
    init(level: Int) throws(EncoderError) {
        guard let context = ZSTD_createCCtx() else {
            throw EncoderError(codec: "zstd", message: "ZSTD_createCCtx failed")
        }
        self.context = context
        scratch = [UInt8](repeating: 0, count: encoderScratchBytes)
        let result = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(level))
        if ZSTD_isError(result) != 0 {
            ZSTD_freeCCtx(context)
            throw EncoderError(codec: "zstd", message: Self.errorName(result))
        }
        // The checksum lets `zstd -t` and every decoder detect a damaged frame.
        ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1)
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(EncoderError) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        frameStarted = true
        var inBuffer = ZSTD_inBuffer(src: base, size: input.count, pos: 0)
        while inBuffer.pos < inBuffer.size {
            _ = try run(&inBuffer, directive: ZSTD_e_continue, into: &output)
        }
    }

    func endSegment(into output: inout [UInt8]) throws(EncoderError) {
        guard frameStarted else { return }
        var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
        while try run(&inBuffer, directive: ZSTD_e_end, into: &output) != 0 {}
        frameStarted = false
    }

    /// Writes a complete frame with no payload, which zstd tools read as empty.
    func emptySegment(into output: inout [UInt8]) throws(EncoderError) {
        frameStarted = true
        try endSegment(into: &output)
    }

    func reset() {
        ZSTD_CCtx_reset(context, ZSTD_reset_session_only)
        frameStarted = false
    }

    /// One `ZSTD_compressStream2` call into the scratch block; returns zstd's "bytes left" hint.
    private func run(
        _ inBuffer: inout ZSTD_inBuffer, directive: ZSTD_EndDirective, into output: inout [UInt8]
    ) throws(EncoderError) -> Int {
        let (remaining, produced) = scratch.withUnsafeMutableBytes { buffer in
            var outBuffer = ZSTD_outBuffer(dst: buffer.baseAddress, size: buffer.count, pos: 0)
            let remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, directive)
            return (remaining, outBuffer.pos)
        }
        if ZSTD_isError(remaining) != 0 {
            throw EncoderError(codec: "zstd", message: Self.errorName(remaining))
        }
        output.append(contentsOf: scratch[0..<produced])
        return remaining
    }

    private static func errorName(_ code: Int) -> String {
        String(cString: ZSTD_getErrorName(code))
    }
}
