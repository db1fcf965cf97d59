import Glibc

/// Converts bytes in any charset glibc's `iconv` knows to UTF-8.
///
/// Invalid input sequences become U+FFFD instead of failing the article: a page with one bad byte
/// still has a useful text. Holds its output chunk so one pipeline instance reuses it.
struct IconvTranscoder {
    /// The result of a conversion: the UTF-8 bytes and how many invalid sequences were replaced.
    struct Output {
        var utf8: [UInt8]
        var replaced: Int
    }

    private var chunk = [UInt8](repeating: 0, count: 64 << 10)

    /// Returns nil when iconv does not know `charset`.
    mutating func convert(_ input: ArraySlice<UInt8>, from charset: String) -> Output? {
        guard let descriptor = iconv_open("UTF-8", charset), Int(bitPattern: descriptor) != -1 else {
            return nil
        }
        defer { iconv_close(descriptor) }
        var output = Output(utf8: [], replaced: 0)
        output.utf8.reserveCapacity(input.count + input.count / 2)
        var source = Array(input)
        let chunkSize = chunk.count
        source.withUnsafeMutableBufferPointer { sourceBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                guard let sourceBase = sourceBuffer.baseAddress, let chunkBase = chunkBuffer.baseAddress
                else {
                    return
                }
                let rawSource = UnsafeMutableRawPointer(sourceBase).assumingMemoryBound(to: CChar.self)
                let rawChunk = UnsafeMutableRawPointer(chunkBase).assumingMemoryBound(to: CChar.self)
                var inPointer: UnsafeMutablePointer<CChar>? = rawSource
                var inLeft = sourceBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = rawChunk
                    var outLeft = chunkSize
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    output.utf8.append(contentsOf: chunkBuffer[0..<(chunkSize - outLeft)])
                    guard result == -1 else { continue }
                    let failure = errno
                    if failure == E2BIG { continue }
                    // EILSEQ (invalid) or EINVAL (truncated at the end): replace one byte and go on.
                    output.utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    output.replaced += 1
                    if failure == EILSEQ {
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    } else {
                        break
                    }
                }
            }
        }
        return output
    }
}
