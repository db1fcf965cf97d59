import ArticlePipeline
import Dispatch
import RemoteIO
import ScrapeIO
import Synchronization

/// A job whose every article has been processed: record lines (with their ids) and dead-letter lines.
struct FinishedJob: Sendable {
    var header: JobHeader
    var ids: [String]
    var records: [[UInt8]]
    var deadLetters: [[UInt8]]
    var failedArticles: Int
    var failedStages: [String: Int]
    /// A split job's records that are not articles, by reason.
    var skipped: [String: Int]? = nil
}

/// Runs articles on `threads` Dispatch lanes, each with its own `Pipeline` instance. Articles of all
/// held jobs share one queue, so a lane that finishes the last article of one job moves straight
/// on to the next job: cores stay busy across job boundaries.
final class ArticleLanes: Sendable {
    private struct Task: Sendable {
        var job: JobRun
        var index: Int
        var body: [UInt8]

        var meta: ArticleMeta { job.header.articles[index] }
    }

    /// The per-job collection point of results, filled by the lanes.
    final class JobRun: Sendable {
        let header: JobHeader
        let skipped: [String: Int]?
        private let state: Mutex<(results: [ArticleOutcome?], remaining: Int)>

        init(header: JobHeader, skipped: [String: Int]? = nil) {
            self.header = header
            self.skipped = skipped
            state = Mutex((Array(repeating: nil, count: header.articles.count), header.articles.count))
        }

        /// Stores one result; returns true when it was the job's last.
        func store(_ outcome: ArticleOutcome, at index: Int) -> Bool {
            state.withLock {
                $0.results[index] = outcome
                $0.remaining -= 1
                return $0.remaining == 0
            }
        }

        func finished() -> FinishedJob {
            let results = state.withLock { $0.results }
            var job = FinishedJob(
                header: header, ids: [], records: [], deadLetters: [], failedArticles: 0, failedStages: [:],
                skipped: skipped)
            job.deadLetters = header.failures.map(RecordJSON.encode)
            for failure in header.failures { job.failedStages[failure.stage, default: 0] += 1 }
            for case let outcome? in results {
                switch outcome {
                case .record(let id, let line):
                    job.ids.append(id)
                    job.records.append(line)
                case .failed(let stage, let line):
                    job.deadLetters.append(line)
                    job.failedArticles += 1
                    job.failedStages[stage, default: 0] += 1
                }
            }
            return job
        }
    }

    enum ArticleOutcome: Sendable {
        case record(id: String, line: [UInt8])
        case failed(stage: String, line: [UInt8])
    }

    private let tasks = Mutex<(queue: FIFOBuffer<Task>, closed: Bool)>((FIFOBuffer(), false))
    private let available = DispatchSemaphore(value: 0)
    private let lanes: Int
    private let onJobDone: @Sendable (FinishedJob) -> Void

    /// When true, articles skip the pipeline and become minimal records: the transport benchmark.
    private let emptyPipeline: Bool
    private let inputRoots: [String]?
    private let remote: RemoteSettings
    /// Reads split jobs one at a time (reading a split decodes member heads only; its articles are
    /// then spread over the lanes like any job's).
    private let splitReading = DispatchQueue(label: "presswork.splits", qos: .userInitiated)

    init(
        threads: Int, pipeline: PipelineSettings, emptyPipeline: Bool = false, inputRoots: [String]? = nil,
        remote: RemoteSettings = RemoteSettings(), onJobDone: @escaping @Sendable (FinishedJob) -> Void
    ) {
        self.remote = remote
        lanes = max(1, threads)
        self.emptyPipeline = emptyPipeline
        self.inputRoots = inputRoots
        self.onJobDone = onJobDone
        for lane in 0..<lanes {
            DispatchQueue(label: "presswork.lane.\(lane)", qos: .userInitiated).async { [self] in
                runLane(settings: pipeline)
            }
        }
    }

    /// Queues every article of a job; a job without articles (only read failures) finishes at once.
    /// A split job is read first, on the split reading queue (`SplitJobReader`), then queued the same way.
    func submit(_ header: JobHeader, bodies: [[UInt8]]) {
        guard header.split == nil else {
            splitReading.async { [self] in
                let read = SplitJobReader.read(header, inputRoots: inputRoots, remote: remote)
                queue(read.header, bodies: read.bodies, skipped: read.skipped)
            }
            return
        }
        queue(header, bodies: bodies)
    }

    private func queue(_ header: JobHeader, bodies: [[UInt8]], skipped: [String: Int]? = nil) {
        let run = JobRun(header: header, skipped: skipped)
        if header.articles.isEmpty {
            onJobDone(run.finished())
            return
        }
        let newTasks = header.articles.indices.map { Task(job: run, index: $0, body: bodies[$0]) }
        tasks.withLock { $0.queue.append(contentsOf: newTasks) }
        for _ in newTasks { available.signal() }
    }

    /// Lets every lane finish its current article and stop.
    func shutdown() {
        tasks.withLock { $0.closed = true }
        for _ in 0..<lanes { available.signal() }
    }

    private func runLane(settings: PipelineSettings) {
        let pipeline = Pipeline(settings: settings)
        let loader = ArticleReferenceLoader(allowedRoots: inputRoots)
        while true {
            available.wait()
            guard let task = nextTask() else { return }
            let started = Moment.now()
            let attempt = task.job.header.attempt
            let outcome: ArticleOutcome
            switch Self.article(of: task, loader: loader) {
            case .success(let article):
                outcome =
                    emptyPipeline
                    ? Self.passThrough(article) : Self.process(article, attempt: attempt, with: pipeline)
            case .failure(let error):
                outcome = Self.unreadable(task.meta, reason: error.reason, attempt: attempt)
            }
            ClusterMetrics.extractDuration.recordNanoseconds((Moment.now() - started).nanosecondsClamped)
            ClusterMetrics.articlesProcessed.increment()
            if case .failed(let stage, _) = outcome {
                ClusterMetrics.articlesFailed(stage: stage).increment()
            }
            if task.job.store(outcome, at: task.index) {
                onJobDone(task.job.finished())
            }
        }
    }

    private func nextTask() -> Task? {
        tasks.withLock { state -> Task? in
            state.closed ? nil : state.queue.popFirst()
        }
    }

    /// The task's article: its body as received, or read from the input file it references.
    private static func article(
        of task: Task, loader: ArticleReferenceLoader
    ) -> Result<RawArticle, ArticleReferenceError> {
        let meta = task.meta
        guard let payload = meta.payload else { return .success(meta.article(body: task.body)) }
        return loader.body(of: payload).map { meta.article(body: $0) }
    }

    /// A referenced article whose payload could not be read: a dead letter of stage `read`.
    static func unreadable(_ meta: ArticleMeta, reason: String, attempt: Int) -> ArticleOutcome {
        let dead = DeadLetter(
            id: meta.id, source: meta.source.description, stage: "read", reason: reason, attempts: attempt,
            url: meta.url)
        return .failed(stage: "read", line: RecordJSON.encode(dead))
    }

    static func passThrough(_ article: RawArticle) -> ArticleOutcome {
        var record = ArticleRecord(
            id: article.id, source: article.source.description, format: "raw", pipeline: "empty")
        record.url = article.url
        record.wordCount = article.body.count
        return .record(id: record.id, line: RecordJSON.encode(record))
    }

    static func process(_ article: RawArticle, attempt: Int, with pipeline: Pipeline) -> ArticleOutcome {
        do {
            let record = try pipeline.process(article)
            return .record(id: record.id, line: RecordJSON.encode(record))
        } catch {
            let dead = DeadLetter(
                id: article.id, source: article.source.description, stage: error.stage, reason: error.reason,
                attempts: attempt, url: article.url)
            return .failed(stage: error.stage, line: RecordJSON.encode(dead))
        }
    }
}
