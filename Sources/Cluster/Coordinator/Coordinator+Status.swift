extension Coordinator {
    /// A snapshot of the run for `status`, the progress bar and the final summary.
    func status(now: Moment) -> RunStatus {
        let elapsed = (now - ledger.started).seconds
        var inFlight = 0
        var queued = 0
        for (id, job) in ledger.jobs {
            if scheduler.isLeased(id) { inFlight += job.itemCount } else { queued += job.itemCount }
        }
        let stats = reader.stats
        // A split counts as read once its items are committed: only then are they known here.
        var itemsRead = cutter.itemsRead - cutter.splitsCut + ledger.splitItemsCommitted
        if ledger.splitJobsUncounted > 0, let collector = ledger.collector {
            // Split jobs committed while this coordinator was down: the collector's totals are
            // the only count of their items.
            itemsRead += max(0, collector.records + collector.failures - ledger.itemsCommitted)
        }
        var totalEstimate: Int?
        if cutter.exhausted && (cutter.splitsCut == 0 || isComplete) {
            totalEstimate = itemsRead
        } else if cutter.splitsCut > 0, let total = stats.totalBytes, ledger.bytesCommitted > 0 {
            totalEstimate = Int(Double(ledger.itemsCommitted) * Double(total) / Double(ledger.bytesCommitted))
        } else if let total = stats.totalBytes, stats.bytesConsumed > 0, itemsRead > 0 {
            totalEstimate = Int(Double(itemsRead) * Double(total) / Double(stats.bytesConsumed))
        }
        let recent = ledger.committedRate.perSecond
        let overall = elapsed > 0 ? Double(ledger.itemsCommitted) / elapsed : 0
        var eta: Double?
        if let totalEstimate, recent > 0 {
            eta = max(0, Double(totalEstimate - ledger.itemsCommitted) / recent)
        }
        let workers = scheduler.workers.map { id -> RunStatus.WorkerRow in
            let peer = ledger.peers[id]
            let figures = ledger.figures[id] ?? WorkerFigures()
            return RunStatus.WorkerRow(
                id: id, host: peer?.host ?? "?", pid: peer?.pid ?? 0, threads: peer?.threads ?? 0,
                jobsHeld: scheduler.jobs(heldBy: id).count, articlesDone: figures.articlesDone,
                articlesFailed: figures.articlesFailed,
                articlesPerSecond: ledger.workerRates[id]?.perSecond ?? 0,
                lastHeartbeatSeconds: scheduler.lastHeard(from: id).map { (now - $0).seconds } ?? 0)
        }
        let state =
            ledger.finished ? "finished" : stop.count > 0 ? "draining" : isComplete ? "finishing" : "running"
        return RunStatus(
            state: state, elapsedSeconds: elapsed, articlesRead: itemsRead,
            articlesCommitted: ledger.itemsCommitted, articlesFailed: ledger.collector?.failures ?? 0,
            articlesInFlight: inFlight, articlesQueued: queued, articlesTotalEstimate: totalEstimate,
            inputDone: cutter.exhausted, inputBytesRead: stats.bytesConsumed,
            inputBytesTotal: stats.totalBytes,
            inputSkipped: stats.skippedRecords.merging(ledger.splitSkipped, uniquingKeysWith: Saturating.add),
            recentArticlesPerSecond: recent, overallArticlesPerSecond: overall,
            megabytesPerSecond: elapsed > 0 ? Double(ledger.bytesCommitted) / elapsed / 1e6 : 0,
            etaSeconds: eta, jobsCommitted: ledger.jobsCommitted, jobsRetried: ledger.retries,
            jobsGivenUp: ledger.givenUp, workers: workers, collector: ledger.collector,
            connectionsRefused: connectionGuard.refused,
            remoteInputs: stats.remoteInputs.isEmpty
                ? nil
                : stats.remoteInputs.map {
                    RunStatus.RemoteInputRow(
                        url: $0.url, bytesFetched: $0.bytes, requests: $0.requests, retries: $0.retries,
                        throttled: $0.throttled, error: $0.error, done: $0.done)
                })
    }
}
