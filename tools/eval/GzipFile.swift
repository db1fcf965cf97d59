import CZlib
import Foundation

/// Reads a whole gzip file (the WCXB pages are stored as `NNNN.html.gz`).
enum GzipFile {
    /// The decompressed bytes of the gzip file at `url`, or nil when it cannot be read or inflated.
    static func read(_ url: URL) -> [UInt8]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        var input = Array(data)
        var stream = z_stream()
        // 15 window bits + 32: detect a gzip or zlib header.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: chunkBuffer[0..<(chunkBuffer.count - Int(stream.avail_out))])
                }
            } while status == Z_OK
        }
        return status == Z_STREAM_END ? output : nil
    }
}
