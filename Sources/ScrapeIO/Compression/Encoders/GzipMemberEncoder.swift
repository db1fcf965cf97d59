import CZlib

/// Streaming gzip compressor that writes one gzip member per segment.
///
/// Uses raw zlib `deflate` with a gzip wrapper (windowBits 15 + 16). `endSegment` finishes the
/// member with `Z_FINISH` and resets the stream, so a file is a valid multi-member gzip file
/// that `gzip -dc` and Python's `gzip` module read whole.
final class GzipMemberEncoder: ShardStreamEncoder {
    private var stream: UnsafeMutablePointer<z_stream>
    private var scratch: [UInt8]
    /// Whether the current member has received any input (an untouched member emits nothing).
    private var memberStarted = false

    /// Creates an encoder at zlib `level` (1 fastest … 9 smallest).
    init(level: Int) throws(EncoderError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = [UInt8](repeating: 0, count: encoderScratchBytes)
        let clamped = Int32(max(0, min(9, level)))
        let status = deflateInit2_(
            stream, clamped, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw EncoderError(codec: "gzip", message: "deflateInit2 failed (\(status))")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func compress(_ input: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(EncoderError) {
        guard let base = input.baseAddress, !input.isEmpty else { return }
        memberStarted = true
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        repeat {
            try run(flush: Z_NO_FLUSH, into: &output)
        } while stream.pointee.avail_in > 0
        stream.pointee.next_in = nil
    }

    func endSegment(into output: inout [UInt8]) throws(EncoderError) {
        guard memberStarted else { return }
        var status: Int32
        repeat {
            status = try run(flush: Z_FINISH, into: &output)
        } while status != Z_STREAM_END
        deflateReset(stream)
        memberStarted = false
    }

    /// Writes a complete member with no payload (20 bytes), which gzip tools read as empty.
    func emptySegment(into output: inout [UInt8]) throws(EncoderError) {
        memberStarted = true
        try endSegment(into: &output)
    }

    func reset() {
        deflateReset(stream)
        memberStarted = false
    }

    /// One `deflate` call into the scratch block; appends what it produced.
    @discardableResult
    private func run(flush: Int32, into output: inout [UInt8]) throws(EncoderError) -> Int32 {
        let status = scratch.withUnsafeMutableBufferPointer { buffer in
            stream.pointee.next_out = buffer.baseAddress
            stream.pointee.avail_out = uInt(buffer.count)
            return deflate(stream, flush)
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw EncoderError(codec: "gzip", message: "deflate failed (\(status))")
        }
        let produced = scratch.count - Int(stream.pointee.avail_out)
        output.append(contentsOf: scratch[0..<produced])
        stream.pointee.next_out = nil
        return status
    }
}
