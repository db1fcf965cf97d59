/// Settings of a `ShardedJSONLWriter`.
///
/// `shards`, `compression` and the resolved `level` define the output format and are recorded
/// in the manifest; reopening a directory with different values is an error. The others may
/// change between runs.
public struct ShardSettings: Sendable {
    /// Number of record shards; a record goes to `hash(id) % shards`.
    public var shards: Int = 16
    public var compression: OutputCompression = .gzip
    /// Compression level; `nil` means the fast default (gzip 1, zstd 3).
    public var level: Int? = nil
    /// A shard part is sealed and a new part begun once a commit takes it past this many
    /// stored (compressed) bytes.
    public var rotateBytes: Int64 = 512 << 20
    /// Whether commits `fsync` files and the directory; turn off only for tests and benchmarks.
    public var fsync: Bool = true
    /// Raw bytes buffered per shard before they are compressed and written to the open part.
    public var bufferBytes: Int = 256 << 10

    public init() {}

    /// The level actually used: `level`, else the compression's default; `nil` for `.none`.
    public var resolvedLevel: Int? {
        compression == .none ? nil : (level ?? compression.defaultLevel)
    }
}
