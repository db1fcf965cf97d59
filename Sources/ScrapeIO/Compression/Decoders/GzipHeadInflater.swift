import CZlib

/// Decodes only the start of a gzip member: enough to read a WARC record's header blocks without
/// paying for its payload. zlib, because it can stop after any number of output bytes (libdeflate
/// decodes whole members only). One zlib stream, reset for every member.
final class GzipHeadInflater {
    struct Head {
        /// The first decoded bytes (at most the `maxOutput` asked for).
        var output: [UInt8]
        /// True when the member ended within the input given and the output: `output` is all of it.
        var ended: Bool
        /// Stored bytes used (the whole member, trailer included, when `ended`).
        var consumed: Int
    }

    private let zlib = GzipInflateStream()
    private var stream: UnsafeMutablePointer<z_stream> { zlib.pointer }
    private var initialised: Bool { zlib.initialised }

    /// The first `maxOutput` decoded bytes of the gzip member at the front of `input`; nil when it
    /// is not a valid gzip member as far as it was decoded.
    func head(of input: UnsafeRawBufferPointer, maxOutput: Int) -> Head? {
        guard initialised, let source = input.baseAddress, maxOutput > 0, inflateReset(stream) == Z_OK else {
            return nil
        }
        var output = [UInt8](repeating: 0, count: maxOutput)
        var status = Z_OK
        let produced = output.withUnsafeMutableBytes { out -> Int in
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: source.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(out.count)
            while status == Z_OK, stream.pointee.avail_out > 0, stream.pointee.avail_in > 0 {
                status = inflate(stream, Z_SYNC_FLUSH)
            }
            return out.count - Int(stream.pointee.avail_out)
        }
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else { return nil }
        output.removeSubrange(produced...)
        return Head(
            output: output, ended: status == Z_STREAM_END,
            consumed: input.count - Int(stream.pointee.avail_in))
    }

    /// Why the gzip member at the front of `input` does not decode, in the words the stream reader
    /// uses (`corrupt gzip member: …`, `truncated gzip member`); nil when it decodes to its end.
    func failure(of input: UnsafeRawBufferPointer) -> String? {
        guard initialised, let source = input.baseAddress, inflateReset(stream) == Z_OK else {
            return "zlib could not be initialised"
        }
        var scratch = [UInt8](repeating: 0, count: 64 << 10)
        stream.pointee.next_in = UnsafeMutablePointer(mutating: source.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        var status = Z_OK
        while status == Z_OK {
            status = scratch.withUnsafeMutableBytes { out in
                stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(out.count)
                return inflate(stream, Z_NO_FLUSH)
            }
            if status == Z_OK, stream.pointee.avail_in == 0 { return "truncated gzip member" }
        }
        if status == Z_STREAM_END { return nil }
        if status == Z_BUF_ERROR { return "truncated gzip member" }
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
        return "corrupt gzip member: \(message)"
    }
}
