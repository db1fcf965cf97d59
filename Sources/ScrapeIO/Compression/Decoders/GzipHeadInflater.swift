import CZlib

/// Decodes only the start of a gzip member: enough to read a WARC record's header blocks without
/// paying for its payload. zlib, because it can stop after any number of output bytes (libdeflate
/// decodes whole members only).
enum GzipHeadInflater {
    struct Head {
        /// The first decoded bytes (at most the `maxOutput` asked for).
        var output: [UInt8]
        /// True when the member ended within the input given and the output: `output` is all of it.
        var ended: Bool
        /// Stored bytes used (the whole member, trailer included, when `ended`).
        var consumed: Int
    }

    /// The first `maxOutput` decoded bytes of the gzip member at the front of `input`; nil when it
    /// is not a valid gzip member as far as it was decoded.
    static func head(of input: UnsafeRawBufferPointer, maxOutput: Int) -> Head? {
        guard let source = input.baseAddress, maxOutput > 0 else { return nil }
        var stream = z_stream()
        // 16 + 15: a gzip wrapper with the largest window; decoding stops at the member's end.
        guard
            inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: maxOutput)
        var status = Z_OK
        let produced = output.withUnsafeMutableBytes { out -> Int in
            stream.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(out.count)
            while status == Z_OK, stream.avail_out > 0, stream.avail_in > 0 {
                status = inflate(&stream, Z_SYNC_FLUSH)
            }
            return out.count - Int(stream.avail_out)
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { return nil }
        output.removeSubrange(produced...)
        return Head(
            output: output, ended: status == Z_STREAM_END, consumed: input.count - Int(stream.avail_in))
    }
}
