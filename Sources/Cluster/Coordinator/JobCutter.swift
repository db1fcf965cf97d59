import ArticlePipeline
import ScrapeIO

/// A job as the coordinator holds it until it is committed: the header and one body per article.
public struct JobContent: Sendable {
    public var id: String
    /// The job's position in the run (1-based): `id` is derived from it.
    public var number: Int
    public var articles: [ArticleMeta]
    /// One per article; empty for articles that travel as references.
    public var bodies: [[UInt8]]
    public var failures: [DeadLetter]
    /// Bytes of the articles' payloads, carried or referenced (for throughput figures).
    public var bodyBytes: Int
    /// Set for a split job: a byte range of a WARC.gz file its worker reads by itself (no articles
    /// are known here until the collector reports how many items it committed for it).
    public var split: FileSplit?

    public init(
        id: String, number: Int, articles: [ArticleMeta], bodies: [[UInt8]], failures: [DeadLetter],
        bodyBytes: Int, split: FileSplit? = nil
    ) {
        self.id = id
        self.number = number
        self.articles = articles
        self.bodies = bodies
        self.failures = failures
        self.bodyBytes = bodyBytes
        self.split = split
    }

    /// Bytes of the bodies the job carries (not those of articles it references).
    public var carriedBytes: Int { bodies.reduce(0) { $0 + $1.count } }

    /// Articles plus read failures: what the job adds to the output once committed (0 for a split
    /// job, whose items only its worker learns).
    public var itemCount: Int { articles.count + failures.count }

    /// Items of the coordinator's reader the job consumed (a split is one), for the watermark.
    public var inputItems: Int { split == nil ? itemCount : 1 }
}

/// Cuts the reader's stream into jobs of at most `batchSize` items, with stable ids (`job-000001`, …)
/// so that a resumed run names the same jobs the same way.
public struct JobCutter {
    public var batchSize: Int
    public var maxArticleBytes: Int
    public private(set) var jobsCut = 0
    public private(set) var itemsRead = 0
    /// Articles cut into jobs as references (their bodies left in the input file).
    public private(set) var referencedArticles = 0
    /// Split jobs cut (each consumed one reader item).
    public private(set) var splitsCut = 0
    public private(set) var exhausted = false
    /// A split read while a job of articles was being filled: it starts the next job.
    private var pendingSplit: FileSplit?

    public init(batchSize: Int, maxArticleBytes: Int) {
        self.batchSize = max(1, batchSize)
        self.maxArticleBytes = maxArticleBytes
    }

    /// The next job, or nil when the input is exhausted.
    public mutating func next(from reader: ScrapeInputReader) -> JobContent? {
        guard !exhausted else { return nil }
        jobsCut += 1
        var job = JobContent(
            id: Self.jobID(jobsCut), number: jobsCut, articles: [], bodies: [], failures: [], bodyBytes: 0)
        if let split = pendingSplit {
            pendingSplit = nil
            job.split = split
            job.bodyBytes = Int(clamping: split.bytes)
            return job
        }
        while job.itemCount < batchSize, let item = reader.next() {
            itemsRead += 1
            switch item {
            case .split(let split):
                // A split is a job of its own.
                splitsCut += 1
                guard job.itemCount > 0 else {
                    job.split = split
                    job.bodyBytes = Int(clamping: split.bytes)
                    return job
                }
                pendingSplit = split
                return job
            case .article(let raw) where raw.body.count > maxArticleBytes:
                job.failures.append(
                    DeadLetter(
                        id: raw.id, source: raw.source.description, stage: "limits",
                        reason:
                            "article body of \(raw.body.count) bytes exceeds the \(maxArticleBytes)-byte limit",
                        attempts: 0, url: raw.url))
            case .article(let raw):
                job.articles.append(ArticleMeta(raw))
                job.bodies.append(raw.body)
                job.bodyBytes += raw.body.count
            case .reference(let reference) where reference.payload.length > maxArticleBytes:
                job.failures.append(
                    DeadLetter(
                        id: reference.article.id, source: reference.article.source.description,
                        stage: "limits",
                        reason:
                            "article payload of \(reference.payload.length) bytes exceeds the \(maxArticleBytes)-byte limit",
                        attempts: 0, url: reference.article.url))
            case .reference(let reference):
                job.articles.append(ArticleMeta(reference))
                referencedArticles += 1
                job.bodies.append([])
                job.bodyBytes += reference.payload.length
            case .failure(let failure):
                job.failures.append(
                    DeadLetter(
                        id: failure.id, source: failure.source.description, stage: failure.stage,
                        reason: failure.reason, attempts: 0))
            }
        }
        if job.itemCount < batchSize { exhausted = true }
        if job.itemCount == 0 {
            jobsCut -= 1
            return nil
        }
        return job
    }

    /// Continues a run whose first `job` jobs (`items` input items) are done: the caller has
    /// skipped those items in the reader.
    /// `splits` of those items were split jobs.
    public mutating func resume(afterJob job: Int, items: Int, splits: Int = 0) {
        pendingSplit = nil
        splitsCut = splits
        jobsCut = job
        itemsRead = items
    }

    /// The job number of an id made by `jobID`, if it is one.
    public static func jobNumber(_ id: String) -> Int? {
        id.hasPrefix("job-") ? Int(id.dropFirst(4)) : nil
    }

    /// The id of the n-th job of a run (1-based).
    public static func jobID(_ n: Int) -> String {
        let digits = String(n)
        return "job-" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
