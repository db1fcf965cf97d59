/// Which stream of the output a line belongs to: one record shard or the dead-letter shard.
enum ShardSlot: Hashable, Comparable, Sendable {
    case shard(Int)
    case deadLetter

    static func < (lhs: ShardSlot, rhs: ShardSlot) -> Bool {
        switch (lhs, rhs) {
        case (.shard(let a), .shard(let b)): a < b
        case (.shard, .deadLetter): true
        case (.deadLetter, _): false
        }
    }
}

/// File names of the output directory contract (see `ShardedJSONLWriter`).
struct ShardFileNaming: Sendable {
    static let manifestName = "_manifest.json"
    static let manifestTempName = "._manifest.json.tmp"
    static let successName = "_SUCCESS"
    static let successTempName = "._SUCCESS.tmp"
    static let tempSuffix = ".part"

    var shards: Int
    var compression: OutputCompression

    /// `shard-00003-of-00016.jsonl.gz`, later parts `shard-00003-of-00016-p0001.jsonl.gz`;
    /// `dead-letter.jsonl.gz`, `dead-letter-p0001.jsonl.gz`.
    func finalName(_ slot: ShardSlot, part: Int) -> String {
        var stem: String
        switch slot {
        case .shard(let index): stem = "shard-\(Self.digits(index, 5))-of-\(Self.digits(shards, 5))"
        case .deadLetter: stem = "dead-letter"
        }
        if part > 0 { stem += "-p\(Self.digits(part, 4))" }
        return stem + ".jsonl" + compression.fileSuffix
    }

    /// The hidden name a part has while it is open: `.` + final name + `.part`.
    static func tempName(forFinal name: String) -> String {
        "." + name + tempSuffix
    }

    /// Whether `name` looks like a shard or dead-letter file of any shard count or compression.
    static func isShardFileName(_ name: String) -> Bool {
        name.wholeMatch(of: #/(shard-\d{5}-of-\d{5}|dead-letter)(-p\d{4,})?\.jsonl(\.gz|\.zst)?/#) != nil
    }

    /// Whether `name` is a hidden temporary file this writer may have left behind.
    static func isWriterTempName(_ name: String) -> Bool {
        if name == manifestTempName || name == successTempName { return true }
        guard name.hasPrefix("."), name.hasSuffix(tempSuffix) else { return false }
        return isShardFileName(String(name.dropFirst().dropLast(tempSuffix.count)))
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
