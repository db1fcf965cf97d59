#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The content of `_manifest.json`: the committed state of an output directory.
///
/// Every byte range it lists is complete and committed; anything beyond it in a part file is
/// a leftover of an interrupted commit that the next writer truncates away.
struct ShardManifest: Decodable, Equatable, Sendable {
    static let formatName = "presswork-shards"
    static let currentVersion = 1

    /// The format-defining settings; a directory is only reopened with the same values.
    struct Format: Decodable, Equatable, Sendable {
        var shards: Int
        var compression: String
        var level: Int?
    }

    /// One part file of a shard.
    struct Part: Decodable, Equatable, Sendable {
        /// The final name (the file carries it once sealed).
        var name: String
        /// The hidden name the file has while it is open.
        var tempName: String
        /// `"shard"` or `"dead-letter"`.
        var kind: String
        /// The shard index; `nil` for the dead-letter shard.
        var shard: Int?
        /// 0 for the first part, then 1, 2, … after each rotation.
        var part: Int
        /// Committed length of the file in stored bytes.
        var bytes: Int64
        /// Committed lines.
        var records: Int
        /// Committed bytes before compression.
        var rawBytes: Int64
        /// zlib CRC-32 of the committed stored bytes.
        var crc32: UInt32
        /// Whether the file is complete and carries its final name.
        var sealed: Bool

        var slot: ShardSlot { shard.map(ShardSlot.shard) ?? .deadLetter }
    }

    /// Sums over the parts, kept in the manifest so tools need not add them up.
    struct Totals: Decodable, Equatable, Sendable {
        var records: Int
        var failures: Int
        var storedBytes: Int64
        var rawBytes: Int64
        var files: Int
        var committedJobs: Int
        var commits: Int
    }

    var format: String = formatName
    var version: Int = currentVersion
    var settings: Format
    var parts: [Part]
    var totals: Totals
    /// Committed job ids, sorted.
    var jobs: [String]

    /// Reads the manifest of `directory`, or `nil` when there is none.
    static func load(from directory: String) throws(OutputError) -> ShardManifest? {
        let path = ShardFileIO.join(directory, ShardFileNaming.manifestName)
        guard let bytes = try ShardFileIO.readAll(path) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let manifest: ShardManifest
        do {
            manifest = try decoder.decode(ShardManifest.self, from: Data(bytes))
        } catch {
            throw OutputError(path: path, reason: "unreadable manifest: \(error)")
        }
        guard manifest.format == formatName, manifest.version == currentVersion else {
            throw OutputError(
                path: path,
                reason: "unsupported manifest \(manifest.format) v\(manifest.version); "
                    + "expected \(formatName) v\(currentVersion)")
        }
        return manifest
    }

    /// Atomically replaces the manifest of `directory` with this one.
    func save(to directory: String, sync: Bool) throws(OutputError) {
        try ShardFileIO.replaceAtomically(
            directory: directory, name: ShardFileNaming.manifestName,
            tempName: ShardFileNaming.manifestTempName, bytes: ManifestJSONWriter.encode(self), sync: sync)
    }
}
