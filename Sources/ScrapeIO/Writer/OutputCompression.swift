/// How shard files are compressed.
public enum OutputCompression: String, Sendable, CaseIterable {
    /// Plain JSON Lines.
    case none
    /// Multi-member gzip: a member ends at every commit (and every `bufferBytes` of input).
    case gzip
    /// Concatenated zstd frames: one frame per commit.
    case zstd

    /// The suffix added after `.jsonl`: `""`, `".gz"` or `".zst"`.
    public var fileSuffix: String {
        switch self {
        case .none: ""
        case .gzip: ".gz"
        case .zstd: ".zst"
        }
    }

    /// The level used when the settings leave it unset: fast levels, because the collector must
    /// keep up with every worker at once.
    public var defaultLevel: Int? {
        switch self {
        case .none: nil
        case .gzip: 1
        case .zstd: 3
        }
    }
}
