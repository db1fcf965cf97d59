extension Coordinator {
    /// The settings a resumed run must share with the one it continues.
    var journalSettings: CoordinatorJournal.RunSettings {
        .init(
            inputs: settings.inputs, batchSize: settings.batchSize, maxArticleBytes: settings.maxArticleBytes,
            splitBytes: settings.reader.handsOutReferences ? settings.reader.splitBytes : nil,
            cdxSelection: settings.reader.cdx.indexes.isEmpty ? nil : settings.reader.cdx.summary)
    }

    /// Reads the journal: a fresh run needs an empty one; `resume` skips the committed input prefix.
    func resumeFromJournal(_ directory: String) throws(ClusterError) {
        let recovered = try CoordinatorJournal.recover(directory: directory)
        if !settings.resume {
            guard recovered.isEmpty else {
                throw ClusterError(
                    "the journal in \(directory) already records a run: add --resume to continue it, "
                        + "or use another journal directory")
            }
        } else if let previous = recovered.settings, previous != journalSettings {
            throw ClusterError(
                "the journal in \(directory) was written with other inputs or batch size (\(previous)); "
                    + "resume with the same settings")
        }
        if settings.resume && !recovered.isEmpty {
            reader.skip(recovered.watermark.items)
            // Split jobs below the watermark count their items as the collector reported them.
            let splitsBelow = recovered.splitItems.filter {
                (JobCutter.jobNumber($0.key) ?? .max) <= recovered.watermark.job
            }
            let splitItemsBelow = splitsBelow.values.reduce(0, Saturating.add)
            cutter.resume(
                afterJob: recovered.watermark.job, items: recovered.watermark.items, splits: splitsBelow.count
            )
            recoveredSplitItems = recovered.splitItems
            watermark = recovered.watermark
            committedEarlier = recovered.committed.filter {
                (JobCutter.jobNumber($0) ?? 0) > recovered.watermark.job
            }
            ledger.itemsCommitted = recovered.watermark.items - splitsBelow.count + splitItemsBelow
            ledger.splitItemsCommitted = splitItemsBelow
            ledger.jobsCommitted = recovered.watermark.job
            ledger.retries = recovered.requeues
            logger.notice(
                "resuming",
                metadata: [
                    "skipped_jobs": "\(recovered.watermark.job)",
                    "skipped_items": "\(recovered.watermark.items)",
                    "committed_beyond": "\(committedEarlier.count)",
                ])
        }
        appendJournal(.init("start", settings: journalSettings, reason: settings.resume ? "resume" : nil))
    }

    /// Records jobs the collector committed: scheduler, ledger, watermark and journal.
    func recordCommitted(_ jobs: [String], items: [Int]? = nil) {
        var fresh: [String] = []
        var splitItems: [String: Int] = [:]
        for (index, job) in jobs.enumerated() {
            scheduler.committed(job)
            guard ledger.jobs[job] != nil else {
                // Not cut yet in this process (a restart): skip it when it is.
                if let number = JobCutter.jobNumber(job), number > watermark.job {
                    committedEarlier.insert(job)
                }
                continue
            }
            if ledger.jobs[job]?.split != nil { splitItems[job] = items?[index] ?? 0 }
            ledger.commit(job, items: items?[index])
            if let number = JobCutter.jobNumber(job) { watermark.committed(job: number) }
            fresh.append(job)
        }
        guard !fresh.isEmpty else { return }
        var entry = CoordinatorJournal.Entry("committed", jobs: fresh)
        entry.watermarkJob = watermark.job
        entry.watermarkItems = watermark.items
        entry.splitItems = splitItems.isEmpty ? nil : splitItems
        appendJournal(entry)
    }

    func appendJournal(_ entry: CoordinatorJournal.Entry) {
        guard let journal else { return }
        do {
            try journal.append(entry)
        } catch {
            logger.error("journal write failed", metadata: ["reason": "\(error)"])
        }
    }
}
