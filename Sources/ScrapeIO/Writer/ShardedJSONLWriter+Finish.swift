#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension ShardedJSONLWriter {
    /// Commits what is pending (with no job ids), gives every shard and the dead-letter shard at
    /// least one file, seals every part under its final name, and writes `_SUCCESS` last.
    ///
    /// After `finish` the writer accepts no more lines.
    public func finish(extra: [String: String] = [:]) throws(OutputError) {
        _ = try commit(jobs: [])
        let listedSlots = Set(manifestParts().map(\.slot))
        let slots = (0..<settings.shards).map(ShardSlot.shard) + [.deadLetter]
        var addedEmpty = false
        do {
            for slot in slots where !listedSlots.contains(slot) {
                try openPart(for: slot).appendEmptySegment()
                addedEmpty = true
            }
        } catch {
            discardPending()
            throw error
        }
        if addedEmpty { _ = try commit(jobs: []) }

        do {
            for part in openParts.values where !part.isListed {
                try ShardFileIO.remove(part.path)
                openParts[part.slot] = nil
            }
            try seal(openParts.values.sorted { $0.slot < $1.slot })
            try writeManifest()
            let marker = SuccessMarker(
                totals: manifestTotals(), format: manifestFormat, extra: extra)
            try ShardFileIO.replaceAtomically(
                directory: directory, name: ShardFileNaming.successName,
                tempName: ShardFileNaming.successTempName, bytes: try marker.encoded(),
                sync: settings.fsync)
        } catch {
            markBroken(error)
            throw error
        }
        isFinished = true
        let totals = manifestTotals()
        logger.info(
            "output finished",
            metadata: [
                "directory": "\(directory)", "files": "\(totals.files)", "records": "\(totals.records)",
                "failures": "\(totals.failures)", "bytes": "\(totals.storedBytes)",
            ])
    }
}

/// The content of `_SUCCESS`: the final totals, the format and what the caller adds.
struct SuccessMarker: Encodable {
    var totals: ShardManifest.Totals
    var format: ShardManifest.Format
    var extra: [String: String]

    // Explicit keys: a key strategy would also rewrite the caller's `extra` keys.
    private enum CodingKeys: String, CodingKey {
        case records, failures, files, commits, shards, compression, level, extra
        case storedBytes = "stored_bytes"
        case rawBytes = "raw_bytes"
        case committedJobs = "committed_jobs"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(totals.records, forKey: .records)
        try container.encode(totals.failures, forKey: .failures)
        try container.encode(totals.storedBytes, forKey: .storedBytes)
        try container.encode(totals.rawBytes, forKey: .rawBytes)
        try container.encode(totals.files, forKey: .files)
        try container.encode(totals.committedJobs, forKey: .committedJobs)
        try container.encode(totals.commits, forKey: .commits)
        try container.encode(format.shards, forKey: .shards)
        try container.encode(format.compression, forKey: .compression)
        try container.encode(format.level, forKey: .level)
        try container.encode(extra, forKey: .extra)
    }

    func encoded() throws(OutputError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        do {
            return Array(try encoder.encode(self)) + [0x0A]
        } catch {
            throw OutputError(path: ShardFileNaming.successName, reason: "cannot encode: \(error)")
        }
    }
}
