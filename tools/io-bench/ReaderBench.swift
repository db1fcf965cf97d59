import CZlib
import CZstd
import Logging
import ScrapeIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One scrape file read by `ScrapeInputReader`, beside the plain decompressor of its format.
struct ReaderBench {
    enum Codec: String {
        case gzip, zstd, none
    }

    let path: String
    let codec: Codec
    /// Hand out references, as a coordinator does for workers that read the file themselves.
    let references: Bool
    let logger: Logger

    /// 256 KiB, the reader's own input chunk, so both sides make the same system calls.
    static let chunk = 256 << 10

    /// Reads every item of the file; stored bytes from the reader's stats; `plain` is
    /// the decompressed size, known from the baseline.
    func readAll(plain: Int) -> ByteCounts {
        var settings = ReaderSettings()
        settings.handsOutReferences = references
        let reader = ScrapeInputReader(inputs: [path], settings: settings, logger: logger)
        var items = 0
        while reader.next() != nil { items += 1 }
        precondition(items > 0, "no items in \(path)")
        return ByteCounts(stored: Int(reader.stats.bytesConsumed), plain: plain)
    }

    /// The baseline: the file through the plain library call alone (zlib `inflate`, zstd
    /// `ZSTD_decompressStream`, or `read(2)`), output thrown away.
    func plainDecode() -> ByteCounts {
        let descriptor = open(path, O_RDONLY)
        precondition(descriptor >= 0, "cannot open \(path)")
        defer { close(descriptor) }
        let input = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 16)
        let output = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 16)
        defer {
            input.deallocate()
            output.deallocate()
        }
        switch codec {
        case .gzip: return inflateAll(descriptor, input, output)
        case .zstd: return zstdAll(descriptor, input, output)
        case .none:
            var counts = ByteCounts()
            while case let count = read(descriptor, input.baseAddress, input.count), count > 0 {
                counts.stored += count
            }
            counts.plain = counts.stored
            return counts
        }
    }

    private func inflateAll(
        _ descriptor: Int32, _ input: UnsafeMutableRawBufferPointer, _ output: UnsafeMutableRawBufferPointer
    ) -> ByteCounts {
        var stream = z_stream()
        precondition(
            inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { inflateEnd(&stream) }
        var counts = ByteCounts()
        while case let count = read(descriptor, input.baseAddress, input.count), count > 0 {
            counts.stored += count
            stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.avail_in = uInt(count)
            // Until the input is used and the output not full (zlib may hold output back).
            repeat {
                stream.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(output.count)
                let status = inflate(&stream, Z_NO_FLUSH)
                counts.plain += output.count - Int(stream.avail_out)
                if status == Z_STREAM_END {
                    inflateReset(&stream)  // the next gzip member
                } else if status == Z_BUF_ERROR {
                    break
                } else if status != Z_OK {
                    preconditionFailure("zlib error \(status) in \(path)")
                }
            } while stream.avail_in > 0 || stream.avail_out == 0
        }
        return counts
    }

    private func zstdAll(
        _ descriptor: Int32, _ input: UnsafeMutableRawBufferPointer, _ output: UnsafeMutableRawBufferPointer
    ) -> ByteCounts {
        let context = ZSTD_createDCtx()
        defer { ZSTD_freeDCtx(context) }
        var counts = ByteCounts()
        while case let count = read(descriptor, input.baseAddress, input.count), count > 0 {
            counts.stored += count
            var source = ZSTD_inBuffer(src: input.baseAddress, size: count, pos: 0)
            var full = false
            repeat {
                var target = ZSTD_outBuffer(dst: output.baseAddress, size: output.count, pos: 0)
                let result = ZSTD_decompressStream(context, &target, &source)
                precondition(ZSTD_isError(result) == 0, "zstd error in \(path)")
                counts.plain += target.pos
                full = target.pos == target.size
            } while source.pos < source.size || full
        }
        return counts
    }
}
