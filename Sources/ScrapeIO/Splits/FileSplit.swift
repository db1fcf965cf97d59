/// A byte range of a WARC.gz file that one worker reads by itself (a split job): the coordinator
/// cuts files into splits by their size alone, never reading them.
///
/// Which records a split holds is decided by the bytes, the same way on every worker: a *record
/// member* is a gzip member that starts where `RecordMemberFinder` finds one (a gzip header whose
/// first decoded bytes are `WARC/`). A split owns everything from the first record member starting
/// at or after its `offset` (from the file's first byte, for the first split) up to the first record
/// member starting at or after its `end`. Neighbouring splits meet at the same member, so every
/// record belongs to exactly one split, whatever the sizes; a split holding no record member start
/// owns nothing. A file that does not keep one record per member has few or no record members past
/// its start: the split that owns their start reads on past its end (a file that is one gzip stream
/// is read whole by its first split).
public struct FileSplit: Sendable, Codable, Equatable {
    /// The input as named to the coordinator, for record sources (`path@offset`).
    public var path: String
    /// The file's absolute, symlink-free path, which every worker must see.
    public var file: String
    public var offset: UInt64
    public var length: UInt64
    /// The file's size when it was cut (a file that changed since is read to its current end).
    public var fileSize: UInt64
    /// True for a record range from a CDX index (`CdxSelectionReader`): the range is exactly the
    /// gzip member(s) of the records to read, no search for where records start.
    public var isRecordRange: Bool?
    /// For a record range holding several records of the file (a CDX batch): each record's gzip
    /// member, in the index's order; `offset` and `length` then span them all. Nil: one record,
    /// exactly `offset` and `length`.
    public var records: [RecordSpan]?

    /// The gzip member of one record a CDX index names.
    public struct RecordSpan: Sendable, Codable, Equatable {
        public var offset: UInt64
        public var length: UInt64

        public init(offset: UInt64, length: UInt64) {
            self.offset = offset
            self.length = length
        }
    }

    public init(path: String, file: String, offset: UInt64, length: UInt64, fileSize: UInt64) {
        self.path = path
        self.file = file
        self.offset = offset
        self.length = length
        self.fileSize = fileSize
    }

    /// The first byte past the range.
    public var end: UInt64 { offset &+ length }

    /// Records of a record range (one unless it is a batch); nil for a split cut by size.
    public var recordCount: Int? { isRecordRange == true ? records?.count ?? 1 : nil }

    /// Bytes the job reads: the records' members for a batch, else the range.
    public var bytes: UInt64 { records?.reduce(0) { $0 &+ $1.length } ?? length }

    /// The record ranges of a batch, one record each (the split itself when it is not a batch).
    public var recordRanges: [FileSplit] {
        guard let records else { return [self] }
        return records.map { record in
            var range = FileSplit(
                path: path, file: file, offset: record.offset, length: record.length,
                fileSize: record.offset &+ record.length)
            range.isRecordRange = true
            return range
        }
    }

    /// Adds another record range of the same file to this one, making it a batch.
    public mutating func appendRecord(_ other: FileSplit) {
        var spans = records ?? [RecordSpan(offset: offset, length: length)]
        spans.append(RecordSpan(offset: other.offset, length: other.length))
        let start = min(offset, other.offset)
        let stop = max(end, other.end)
        offset = start
        length = stop - start
        fileSize = max(fileSize, other.fileSize)
        records = spans
    }

    /// `path@offset+length`: names the split in logs and in its dead-letter row.
    public var description: String { "\(path)@\(offset)+\(length)" }

    /// The splits of a file of `size` bytes, `splitBytes` each (the last one shorter); none for an
    /// empty file.
    public static func cut(path: String, file: String, size: UInt64, splitBytes: UInt64) -> [FileSplit] {
        let step = max(1, splitBytes)
        var splits: [FileSplit] = []
        var offset: UInt64 = 0
        while offset < size {
            let length = min(step, size - offset)
            splits.append(FileSplit(path: path, file: file, offset: offset, length: length, fileSize: size))
            offset += length
        }
        return splits
    }
}
