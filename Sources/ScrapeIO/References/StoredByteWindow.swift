/// A read-ahead window over a regular file's stored bytes, for a reader that looks at the same
/// stretch several times (a gzip member's head, the bytes where it ends, the next member's head):
/// one `pread` per block instead of one per look.
final class StoredByteWindow {
    static let blockBytes = 256 << 10

    private let chunks: InputChunkReader
    private let fileSize: UInt64
    private var buffer: [UInt8]
    private var start: UInt64 = 0
    private var count = 0

    init(chunks: InputChunkReader, fileSize: UInt64) {
        self.chunks = chunks
        self.fileSize = fileSize
        buffer = [UInt8](repeating: 0, count: Self.blockBytes)
    }

    /// The most bytes one call can see.
    var capacity: Int { buffer.count }

    /// Calls `body` with up to `length` (at most `capacity`) bytes at `offset`, fewer at the end of
    /// the file. The bytes are valid only inside `body`, which must not call back into this window.
    func withBytes<Result>(
        at offset: UInt64, length: Int, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        let wanted = UInt64(min(max(0, length), buffer.count))
        let end = start + UInt64(count)
        let covered = offset >= start && offset <= end && (offset + wanted <= end || end == fileSize)
        if !covered {
            count = buffer.withUnsafeMutableBytes { chunks.readStored(at: offset, into: $0) }
            start = offset
        }
        let from = Int(offset - start)
        let available = max(0, min(Int(wanted), count - from))
        return buffer.withUnsafeBytes {
            body(UnsafeRawBufferPointer(rebasing: $0[from..<(from + available)]))
        }
    }
}
