import ArticlePipeline
import Logging

/// Writes JSON Lines records into N shards by hash of the record id; nothing is visible as
/// committed until `commit(jobs:)`. Not `Sendable`: one thread owns a writer.
///
/// ## Output directory contract
///
/// - Record shards are `shard-00003-of-00016.jsonl[.gz|.zst]`. When a shard part passes
///   `rotateBytes` it is sealed and the shard continues in `shard-00003-of-00016-p0001.jsonl.gz`,
///   `-p0002`, …. Failed articles go to `dead-letter.jsonl[.gz|.zst]`, which rotates the same way.
///   After `finish` every shard and the dead-letter shard has at least its first part (possibly
///   holding no lines).
/// - Every line is one JSON object followed by `\n`. A gzip file is a valid multi-member gzip
///   file (a member ends at every commit, and every `bufferBytes` of input between commits); a
///   zstd file is a sequence of frames (one per commit). Both
///   decompress whole with `gzip -dc` / `zstd -dc` and common libraries.
/// - A part still being written is hidden under a temporary name in the same directory,
///   `.shard-00003-of-00016.jsonl.gz.part`, so that globs such as `shard-*.jsonl.gz` skip it.
/// - `commit` ends the current gzip member / zstd frame of every part written since the last
///   commit, fsyncs those files, then replaces `_manifest.json` atomically (temp file, fsync,
///   rename, directory fsync). The manifest lists for every part its final name, temporary name,
///   committed byte length, lines, raw bytes, CRC-32 (zlib) of the committed bytes and whether it
///   is sealed; plus the format settings (shards, compression, level), totals and the sorted
///   committed job ids. Only what the manifest lists is committed.
/// - A part is sealed (renamed to its final name, then the manifest updated) at the commit that
///   takes it past `rotateBytes`, and at `finish`. Final-named files are always complete.
/// - `_SUCCESS` (JSON: totals plus the caller's `extra`) is written by `finish` only, last, after
///   every part is sealed.
/// - Opening a directory that has a manifest recovers it: open parts are cut back to their
///   committed length and appending continues there; an interrupted seal is completed; the
///   writer's hidden temporary files not listed in the manifest are deleted; `_SUCCESS` is
///   removed until the next `finish`. Shard-named files the manifest does not list are an error
///   (someone else's data) unless they are empty. Appended-but-uncommitted lines are lost by
///   design: the cluster sends those jobs again.
public final class ShardedJSONLWriter {
    let directory: String
    let settings: ShardSettings
    let naming: ShardFileNaming
    let logger: Logger

    /// Open parts by slot; a part not yet `isListed` is not in the manifest.
    var openParts: [ShardSlot: OpenShardPart] = [:]
    var sealedParts: [ShardManifest.Part] = []
    var nextPartNumber: [ShardSlot: Int] = [:]
    var sortedJobs: [String] = []
    var jobSet: Set<String> = []
    var commits = 0
    /// An I/O failure while appending; the next commit discards pending data and throws it.
    var deferredError: OutputError?
    /// A failure after which memory and disk may disagree; only reopening the directory helps.
    var brokenBy: OutputError?
    var isFinished = false

    /// Opens or creates the output `directory` (see the type's contract for recovery).
    public init(directory: String, settings: ShardSettings = .init(), logger: Logger) throws(OutputError) {
        guard (1...99_999).contains(settings.shards) else {
            throw OutputError(path: directory, reason: "shards must be 1...99999, not \(settings.shards)")
        }
        if let level = settings.resolvedLevel, let levels = settings.compression.supportedLevels,
            !levels.contains(level)
        {
            throw OutputError(
                path: directory, reason: "\(settings.compression) level must be in \(levels), not \(level)")
        }
        self.directory = directory
        self.settings = settings
        self.naming = ShardFileNaming(shards: settings.shards, compression: settings.compression)
        self.logger = logger
        try ShardFileIO.makeDirectory(directory)
        try recover()
    }

    /// Job ids committed so far, including those recovered from the manifest.
    public var committedJobs: Set<String> { jobSet }

    /// The shard a record id belongs to.
    public static func shardIndex(forID id: String, shards: Int) -> Int {
        Int(StableID.hash64(Array(id.utf8)) % UInt64(shards))
    }

    /// Buffers one record line (one JSON object, no trailing newline) for the shard of `id`.
    public func append(id: String, line: [UInt8]) {
        append(line, to: .shard(Self.shardIndex(forID: id, shards: settings.shards)))
    }

    /// Buffers one line (one JSON object, no trailing newline) for the dead-letter shard.
    public func appendDeadLetter(line: [UInt8]) {
        append(line, to: .deadLetter)
    }

    /// Drops every line appended since the last commit.
    public func discardPending() {
        do {
            try rollbackPending()
        } catch {
            markBroken(error)
        }
    }

    /// Committed totals, including what earlier runs committed to this directory.
    public var stats: WriterStats {
        let totals = manifestTotals()
        return WriterStats(
            records: totals.records, failures: totals.failures, storedBytes: totals.storedBytes,
            rawBytes: totals.rawBytes, files: totals.files, committedJobs: totals.committedJobs)
    }

    private func append(_ line: [UInt8], to slot: ShardSlot) {
        precondition(!isFinished, "append after finish")
        guard deferredError == nil, brokenBy == nil else { return }
        do {
            try openPart(for: slot).append(line)
        } catch {
            logger.error("append failed; the next commit will fail", metadata: ["error": "\(error)"])
            deferredError = error
        }
    }

    /// The open part of `slot`, creating the next part file when there is none.
    func openPart(for slot: ShardSlot) throws(OutputError) -> OpenShardPart {
        if let part = openParts[slot] { return part }
        let number = nextPartNumber[slot, default: 0]
        let name = naming.finalName(slot, part: number)
        let shard: Int?
        if case .shard(let index) = slot { shard = index } else { shard = nil }
        let entry = ShardManifest.Part(
            name: name, tempName: ShardFileNaming.tempName(forFinal: name),
            kind: shard == nil ? "dead-letter" : "shard", shard: shard, part: number,
            bytes: 0, records: 0, rawBytes: 0, crc32: 0, sealed: false)
        let part = try OpenShardPart(entry: entry, listed: false, directory: directory, settings: settings)
        openParts[slot] = part
        nextPartNumber[slot] = number + 1
        logger.debug("opened part", metadata: ["file": "\(part.tempName)"])
        return part
    }

    func markBroken(_ error: OutputError) {
        logger.error("writer unusable until the directory is reopened", metadata: ["error": "\(error)"])
        if brokenBy == nil { brokenBy = error }
    }

    func checkUsable() throws(OutputError) {
        if let brokenBy {
            throw OutputError(
                path: brokenBy.path,
                reason: "writer failed earlier (\(brokenBy.reason)); reopen the directory")
        }
        if isFinished { throw OutputError(path: directory, reason: "writer already finished") }
    }
}
