/// Committed totals of an output directory, including what earlier runs committed.
///
/// Only committed data counts: appended-but-uncommitted lines are not included.
public struct WriterStats: Sendable, Equatable {
    /// Record lines in the shards.
    public var records: Int
    /// Lines in the dead-letter shard.
    public var failures: Int
    /// Bytes in the shard files as stored (compressed).
    public var storedBytes: Int64
    /// Bytes of JSON Lines before compression.
    public var rawBytes: Int64
    /// Shard part files listed in the manifest (open or sealed).
    public var files: Int
    /// Number of committed job ids.
    public var committedJobs: Int

    public init(
        records: Int = 0, failures: Int = 0, storedBytes: Int64 = 0, rawBytes: Int64 = 0,
        files: Int = 0, committedJobs: Int = 0
    ) {
        self.records = records
        self.failures = failures
        self.storedBytes = storedBytes
        self.rawBytes = rawBytes
        self.files = files
        self.committedJobs = committedJobs
    }
}
