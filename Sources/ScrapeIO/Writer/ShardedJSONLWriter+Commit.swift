extension ShardedJSONLWriter {
    /// Makes everything appended since the last commit durable and visible atomically, together
    /// with the job ids `jobs`, then seals parts that passed `rotateBytes`.
    ///
    /// If writing the data fails, the pending lines are discarded and the writer stays usable.
    /// If writing the manifest fails, the writer refuses further work: reopen the directory,
    /// which restores the last state that reached the disk.
    public func commit(jobs: [String]) throws(OutputError) -> CommitSummary {
        try checkUsable()
        if let deferred = deferredError {
            deferredError = nil
            try rollbackOrBreak()
            throw deferred
        }
        // Filtering the few given ids beats `Set.subtracting`, which walks the large committed set.
        var given: Set<String> = []
        let newJobs = jobs.filter { !jobSet.contains($0) && given.insert($0).inserted }.sorted()
        let dirty = openParts.values.filter(\.isDirty).sorted { $0.slot < $1.slot }
        if dirty.isEmpty && newJobs.isEmpty { return CommitSummary() }

        var entries: [(part: OpenShardPart, entry: ShardManifest.Part)] = []
        do {
            for part in dirty {
                entries.append((part, try part.finishSegment(sync: settings.fsync)))
            }
            // New part files must have durable directory entries before the manifest names them.
            if settings.fsync && dirty.contains(where: { !$0.isListed }) {
                try ShardFileIO.syncDirectory(directory)
            }
        } catch {
            try rollbackOrBreak()
            throw error
        }

        var summary = CommitSummary(jobs: newJobs.count)
        for (part, entry) in entries {
            let lines = entry.records - part.committed.records
            if part.slot == .deadLetter { summary.failures += lines } else { summary.records += lines }
            summary.bytes += entry.bytes - part.committed.bytes
            part.markCommitted(entry)
        }
        Self.insertSorted(newJobs, into: &sortedJobs)
        jobSet.formUnion(newJobs)
        commits += 1
        do {
            try writeManifest()
            let full = entries.map(\.part).filter { $0.committed.bytes >= settings.rotateBytes }
            if !full.isEmpty {
                try seal(full)
                try writeManifest()
            }
        } catch {
            markBroken(error)
            throw error
        }
        logger.debug(
            "committed",
            metadata: [
                "jobs": "\(summary.jobs)", "records": "\(summary.records)",
                "failures": "\(summary.failures)", "bytes": "\(summary.bytes)",
            ])
        return summary
    }

    /// Rolls every open part back to its committed length.
    func rollbackPending() throws(OutputError) {
        deferredError = nil
        for part in openParts.values where part.isDirty {
            try part.rollback()
        }
    }

    private func rollbackOrBreak() throws(OutputError) {
        do {
            try rollbackPending()
        } catch {
            markBroken(error)
            throw error
        }
    }

    /// Renames committed parts to their final names and closes them.
    func seal(_ parts: [OpenShardPart]) throws(OutputError) {
        for part in parts {
            sealedParts.append(try part.seal(in: directory))
            openParts[part.slot] = nil
            logger.info(
                "sealed part", metadata: ["file": "\(part.finalName)", "bytes": "\(part.committed.bytes)"])
        }
        // The renames must be durable before a manifest that calls the parts sealed.
        if settings.fsync { try ShardFileIO.syncDirectory(directory) }
    }

    /// Every part the manifest lists, in slot and part order.
    func manifestParts() -> [ShardManifest.Part] {
        let open = openParts.values.filter(\.isListed).map(\.committed)
        return (sealedParts + open).sorted { ($0.slot, $0.part) < ($1.slot, $1.part) }
    }

    func manifestTotals() -> ShardManifest.Totals {
        var totals = ShardManifest.Totals(
            records: 0, failures: 0, storedBytes: 0, rawBytes: 0, files: 0,
            committedJobs: sortedJobs.count, commits: commits)
        for part in manifestParts() {
            if part.slot == .deadLetter {
                totals.failures += part.records
            } else {
                totals.records += part.records
            }
            totals.storedBytes += part.bytes
            totals.rawBytes += part.rawBytes
            totals.files += 1
        }
        return totals
    }

    var manifestFormat: ShardManifest.Format {
        ShardManifest.Format(
            shards: settings.shards, compression: settings.compression.rawValue, level: settings.resolvedLevel
        )
    }

    func writeManifest() throws(OutputError) {
        let manifest = ShardManifest(
            settings: manifestFormat, parts: manifestParts(), totals: manifestTotals(), jobs: sortedJobs)
        try manifest.save(to: directory, sync: settings.fsync)
    }

    /// Adds sorted, distinct `new` ids to the sorted `jobs`. The job list can be long and a commit
    /// usually adds a few ids, so those are inserted in place; many are merged in one pass.
    static func insertSorted(_ new: [String], into jobs: inout [String]) {
        if new.count <= 32 {
            for id in new {
                var low = 0
                var high = jobs.count
                while low < high {
                    let middle = (low + high) / 2
                    if jobs[middle] < id { low = middle + 1 } else { high = middle }
                }
                jobs.insert(id, at: low)
            }
            return
        }
        var merged: [String] = []
        merged.reserveCapacity(jobs.count + new.count)
        var i = 0
        var j = 0
        while i < jobs.count && j < new.count {
            if jobs[i] < new[j] {
                merged.append(jobs[i])
                i += 1
            } else {
                merged.append(new[j])
                j += 1
            }
        }
        merged.append(contentsOf: jobs[i...])
        merged.append(contentsOf: new[j...])
        jobs = merged
    }
}
