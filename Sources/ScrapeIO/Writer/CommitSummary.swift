/// What one `ShardedJSONLWriter.commit(jobs:)` made durable.
public struct CommitSummary: Sendable, Equatable {
    /// Job ids newly committed (ids committed before are not counted again).
    public var jobs: Int
    /// Record lines committed.
    public var records: Int
    /// Dead-letter lines committed.
    public var failures: Int
    /// Stored (compressed) bytes added to the shard files.
    public var bytes: Int64

    public init(jobs: Int = 0, records: Int = 0, failures: Int = 0, bytes: Int64 = 0) {
        self.jobs = jobs
        self.records = records
        self.failures = failures
        self.bytes = bytes
    }
}
