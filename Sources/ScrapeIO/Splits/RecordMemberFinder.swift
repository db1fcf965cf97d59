/// Finds record members in a WARC.gz file: gzip members whose first decoded bytes are `WARC/`, the
/// points where split jobs meet (see `FileSplit`). Reads only stored bytes near the points it looks
/// at, through a `StoredByteWindow`.
///
/// A byte run that looks like a gzip header inside compressed data is ruled out by decoding from it:
/// it must inflate (header, then deflate data) to `WARC/`, which data that is not a member start
/// does not do in practice.
final class RecordMemberFinder {
    /// Stored bytes scanned per step.
    static let scanBytes = 64 << 10
    /// Stored bytes given to the inflater to decode a member's first bytes.
    static let headBytes = 4 << 10

    private let stored: StoredByteWindow
    private let inflater = GzipHeadInflater()
    private let size: UInt64

    init(stored: StoredByteWindow, size: UInt64) {
        self.stored = stored
        self.size = size
    }

    /// The offset of the first record member starting in `[from, before)`, or nil.
    func firstRecordMember(from: UInt64, before limit: UInt64) -> UInt64? {
        let limit = min(limit, size)
        var position = from
        while position < limit {
            // Candidates first (the window must not move while its bytes are looked at), then each
            // one checked.
            let (candidates, count) = stored.withBytes(at: position, length: Self.scanBytes) { bytes in
                (MemberHeaderScanner.gzipHeaders(in: bytes, base: position), bytes.count)
            }
            guard count > 0 else { return nil }
            for candidate in candidates where candidate < limit && isRecordMember(candidate) {
                return candidate
            }
            if count < Self.scanBytes { return nil }
            // Candidates straddling the window's edge are looked at again in the next window.
            position += UInt64(max(1, count - 16))
        }
        return nil
    }

    /// Whether a gzip member at `offset` decodes to the start of a WARC record.
    func isRecordMember(_ offset: UInt64) -> Bool {
        let head = stored.withBytes(at: offset, length: Self.headBytes) {
            inflater.head(of: $0, maxOutput: 8)
        }
        return head?.output.starts(with: "WARC/".utf8) ?? false
    }
}
