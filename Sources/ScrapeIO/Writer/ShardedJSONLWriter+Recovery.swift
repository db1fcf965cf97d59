extension ShardedJSONLWriter {
    /// Brings the directory back to its last committed state and loads that state.
    ///
    /// Checks come before any deletion, so a refused directory is left exactly as it was.
    func recover() throws(OutputError) {
        let manifest = try ShardManifest.load(from: directory)
        if let manifest, manifest.settings != manifestFormat {
            throw OutputError(
                path: ShardFileIO.join(directory, ShardFileNaming.manifestName),
                reason: "directory was written with \(Self.describe(manifest.settings)); "
                    + "these settings ask for \(Self.describe(manifestFormat)). "
                    + "Use the same settings or another directory")
        }
        let parts = manifest?.parts ?? []
        let listedNames = Set(parts.map(\.name))
        let listedTemps = Set(parts.map(\.tempName))
        let names = try ShardFileIO.list(directory)

        var leftovers: [String] = []
        for name in names {
            if ShardFileNaming.isWriterTempName(name) {
                if !listedTemps.contains(name) { leftovers.append(name) }
            } else if ShardFileNaming.isShardFileName(name) && !listedNames.contains(name) {
                let path = ShardFileIO.join(directory, name)
                guard try ShardFileIO.size(path) == 0 else {
                    throw OutputError(
                        path: path,
                        reason: "shard file not listed in \(ShardFileNaming.manifestName) (data of another "
                            + "run?); move it away or write to another directory")
                }
                leftovers.append(name)
            } else if name == ShardFileNaming.successName {
                leftovers.append(name)
            }
        }
        for name in leftovers {
            try ShardFileIO.remove(ShardFileIO.join(directory, name))
            logger.info("removed leftover of an earlier run", metadata: ["file": "\(name)"])
        }

        for part in parts.sorted(by: { ($0.slot, $0.part) < ($1.slot, $1.part) }) {
            try restore(part)
            nextPartNumber[part.slot] = max(nextPartNumber[part.slot, default: 0], part.part + 1)
        }
        if let manifest {
            sortedJobs = manifest.jobs.sorted()
            jobSet = Set(sortedJobs)
            commits = manifest.totals.commits
        }
        if settings.fsync { try ShardFileIO.syncDirectory(directory) }
        try writeManifest()
        if manifest != nil {
            let totals = manifestTotals()
            logger.info(
                "resumed output directory",
                metadata: [
                    "directory": "\(directory)", "files": "\(totals.files)", "records": "\(totals.records)",
                    "jobs": "\(totals.committedJobs)",
                ])
        }
    }

    /// Restores one listed part: cuts an open part to its committed length and reopens it, or
    /// checks a sealed one; completes a seal that was interrupted between rename and manifest.
    private func restore(_ part: ShardManifest.Part) throws(OutputError) {
        let tempPath = ShardFileIO.join(directory, part.tempName)
        let finalPath = ShardFileIO.join(directory, part.name)
        let tempSize = try ShardFileIO.size(tempPath)
        let finalSize = try ShardFileIO.size(finalPath)

        if part.sealed || (tempSize == nil && finalSize != nil) {
            if let tempSize, finalSize == nil, tempSize >= part.bytes {
                try ShardFileIO.move(tempPath, to: finalPath)
            } else if tempSize != nil {
                try ShardFileIO.remove(tempPath)
            }
            let size = try ShardFileIO.size(finalPath)
            guard let size, size >= part.bytes, size == part.bytes || !part.sealed else {
                throw OutputError(
                    path: finalPath,
                    reason: "has \(size.map(String.init) ?? "no") bytes; the manifest lists \(part.bytes)")
            }
            if size > part.bytes { try ShardFileIO.truncate(finalPath, to: part.bytes) }
            var sealed = part
            sealed.sealed = true
            sealedParts.append(sealed)
            if !part.sealed {
                logger.info("completed an interrupted seal", metadata: ["file": "\(part.name)"])
            }
            return
        }
        guard openParts[part.slot] == nil else {
            throw OutputError(path: tempPath, reason: "manifest lists two open parts for one shard")
        }
        guard part.bytes == 0 || (tempSize ?? 0) >= part.bytes else {
            throw OutputError(
                path: tempPath,
                reason:
                    "has \(tempSize.map(String.init) ?? "no") bytes; the manifest lists \(part.bytes) committed"
            )
        }
        openParts[part.slot] = try OpenShardPart(
            entry: part, listed: true, directory: directory, settings: settings)
        if let tempSize, tempSize > part.bytes {
            logger.info(
                "cut uncommitted bytes of an interrupted run",
                metadata: ["file": "\(part.tempName)", "from": "\(tempSize)", "to": "\(part.bytes)"])
        }
    }

    private static func describe(_ format: ShardManifest.Format) -> String {
        "shards=\(format.shards) compression=\(format.compression) level=\(format.level.map(String.init) ?? "none")"
    }
}
