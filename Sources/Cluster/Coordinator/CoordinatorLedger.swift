import ArticlePipeline
import ScrapeIO

/// The coordinator's bookkeeping: jobs held until committed, counters, per-worker figures.
struct CoordinatorLedger {
    /// Every job cut and not yet committed, with its bodies (needed to re-send it).
    var jobs: [String: JobContent] = [:]
    /// Jobs that failed every attempt, with why (their dead-letter lines are built from this).
    var givenUpReasons: [String: (attempts: Int, reason: String)] = [:]
    var peers: [String: PeerInfo] = [:]
    var figures: [String: WorkerFigures] = [:]
    var workerRates: [String: RateWindow] = [:]
    var collector: CollectorFigures?
    var itemsCommitted = 0
    var jobsCommitted = 0
    var retries = 0
    var givenUp = 0
    var finished = false
    var committedRate = RateWindow()
    var bytesCommitted = 0
    /// Items (records and dead letters) committed for split jobs, as the collector counted them.
    var splitItemsCommitted = 0
    /// Split jobs committed with no item count (committed while a resumed run's coordinator was
    /// down: only the collector's totals hold their items).
    var splitJobsUncounted = 0
    /// Records of committed split jobs that are not articles, by reason (as their workers counted).
    private(set) var splitSkipped: [String: Int] = [:]
    /// Bytes of article bodies carried by the jobs in `jobs` (references count nothing).
    private(set) var heldBodyBytes = 0
    /// The most `heldBodyBytes` has been.
    private(set) var peakHeldBodyBytes = 0
    /// What the metrics were last told of the input.
    var reportedItems = 0
    var reportedBytes: UInt64 = 0
    var reportedFetches = (requests: 0, retries: 0, throttled: 0)
    /// When the run started, on the coordinator's clock.
    let started: Moment

    init(started: Moment) {
        self.started = started
    }

    mutating func add(_ job: JobContent) {
        jobs[job.id] = job
        heldBodyBytes += job.carriedBytes
        peakHeldBodyBytes = max(peakHeldBodyBytes, heldBodyBytes)
    }

    /// A job is durable in the output; `items` is what the collector counted for it (the only
    /// count a split job has).
    mutating func commit(_ jobID: String, items: Int? = nil) {
        guard let job = jobs.removeValue(forKey: jobID) else { return }
        heldBodyBytes -= job.carriedBytes
        givenUpReasons[jobID] = nil
        let count = job.split == nil ? job.itemCount : max(0, items ?? 0)
        if job.split != nil && items == nil { splitJobsUncounted += 1 }
        if job.split != nil { splitItemsCommitted = Saturating.add(splitItemsCommitted, count) }
        itemsCommitted = Saturating.add(itemsCommitted, count)
        bytesCommitted += job.bodyBytes
        jobsCommitted += 1
        ClusterMetrics.articlesCommitted.increment(by: count)
        ClusterMetrics.jobsCommitted.increment()
    }

    /// Adds the skip counts of committed split jobs; reasons past the first 256 count as `other`.
    mutating func addSplitSkipped(_ skipped: [String: Int]) {
        for (reason, n) in skipped {
            let key = splitSkipped[reason] != nil || splitSkipped.count < 256 ? reason : "other"
            splitSkipped[key] = Saturating.add(splitSkipped[key] ?? 0, n)
        }
    }

    mutating func giveUp(_ jobID: String, attempts: Int, reason: String) {
        givenUpReasons[jobID] = (attempts, reason)
    }

    /// The dead-letter lines for a job that failed every attempt: its read failures as they are,
    /// and every article with the reason of the last failed attempt.
    func deadLetterLines(for jobID: String) -> [[UInt8]]? {
        guard let job = jobs[jobID], let (attempts, reason) = givenUpReasons[jobID] else { return nil }
        if let split = job.split {
            // The split's records are unknown: one row stands for the whole range (for each record
            // range of a CDX batch).
            return split.recordRanges.map {
                RecordJSON.encode(
                    Self.splitDeadLetter($0, stage: "worker", reason: reason, attempts: attempts))
            }
        }
        let failed = job.articles.map {
            DeadLetter(
                id: $0.id, source: $0.source.description, stage: "worker", reason: reason, attempts: attempts,
                url: $0.url)
        }
        return (job.failures + failed).map(RecordJSON.encode)
    }

    /// The stages a given-up job's dead-letter lines will name.
    func failedStages(for jobID: String) -> [String: Int] {
        guard let job = jobs[jobID] else { return [:] }
        if let split = job.split { return ["worker": split.recordRanges.count] }
        var stages: [String: Int] = [:]
        for failure in job.failures { stages[failure.stage, default: 0] += 1 }
        if !job.articles.isEmpty { stages["worker", default: 0] += job.articles.count }
        return stages
    }

    /// The dead-letter row of a split none of whose records could be read.
    static func splitDeadLetter(
        _ split: FileSplit, stage: String, reason: String, attempts: Int
    ) -> DeadLetter {
        DeadLetter(
            id: StableID.hex(StableID.hash64(split.description.utf8)), source: split.description,
            stage: stage,
            reason: reason, attempts: attempts)
    }

    mutating func update(_ worker: String, figures: WorkerFigures, at now: Moment) {
        self.figures[worker] = figures
        workerRates[worker, default: RateWindow()].record(Double(figures.articlesDone), at: now)
    }

    mutating func forget(_ worker: String) {
        peers[worker] = nil
        figures[worker] = nil
        workerRates[worker] = nil
    }

    mutating func sample(at now: Moment) {
        committedRate.record(Double(itemsCommitted), at: now)
    }
}
