import CZlib

/// Inflates an HTTP body stored with `Content-Encoding: gzip` or `deflate`, in memory, with a size cap.
///
/// The body is already bounded by the record cap, and the output is capped too, so a small "zip bomb"
/// body cannot take more than `limit` bytes.
enum HTTPBodyInflater {
    enum Failure: Error, Equatable {
        case corrupt(String)
        case tooLarge
    }

    /// Inflates `body` (gzip, zlib or raw deflate, detected) into at most `limit` bytes.
    static func inflate(_ body: UnsafeRawBufferPointer, limit: Int) -> Result<[UInt8], Failure> {
        // 32 + 15: let zlib detect a gzip or zlib wrapper. Some servers send raw deflate for
        // "deflate"; that fails the header check, so retry with negative window bits (raw).
        let wrapped = run(body, windowBits: 32 + MAX_WBITS, limit: limit)
        guard case .failure(.corrupt) = wrapped else { return wrapped }
        if case .success(let raw) = run(body, windowBits: -MAX_WBITS, limit: limit) { return .success(raw) }
        return wrapped
    }

    private static func run(
        _ body: UnsafeRawBufferPointer, windowBits: Int32, limit: Int
    ) -> Result<
        [UInt8], Failure
    > {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return .failure(.corrupt("zlib could not be initialised")) }
        defer { inflateEnd(&stream) }
        guard let input = body.baseAddress, !body.isEmpty else { return .success([]) }
        stream.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(clamping: body.count)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let status = chunk.withUnsafeMutableBytes { buffer -> Int32 in
                stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(buffer.count)
                return CZlib.inflate(&stream, Z_NO_FLUSH)
            }
            let produced = chunk.count - Int(stream.avail_out)
            if output.count + produced > limit { return .failure(.tooLarge) }
            output.append(contentsOf: chunk[0..<produced])
            switch status {
            case Z_STREAM_END:
                return .success(output)
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                return .failure(.corrupt("truncated compressed body"))
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return .failure(.corrupt(message))
            }
        }
    }
}
