import ArticlePipeline
import Logging
import ScrapeIO

/// Turns a split job (a byte range of a WARC.gz file, `JobHeader.split`) into an ordinary job: the
/// records its range owns (`FileSplitReader`), as references the lanes read and inline bodies for
/// irregular stretches, and its read failures. A split that cannot be read at all — its file is
/// gone, outside the worker's input roots, or shorter than when it was cut — becomes one dead
/// letter (stage `read`) with the reason, so the job fails visibly instead of committing nothing.
enum SplitJobReader {
    /// The job's header with the split's articles and failures filled in, and one body per article
    /// (empty for references). Split jobs are never retried for a read failure, like references.
    static func read(_ header: JobHeader, inputRoots: [String]?) -> Read {
        guard let split = header.split else { return Read(header: header, bodies: [], skipped: [:]) }
        var job = header
        var bodies: [[UInt8]] = []
        let loader = ArticleReferenceLoader(allowedRoots: inputRoots)
        if let refusal = loader.refusal(of: split.file) {
            job.failures = [unreadable(split, reason: refusal.reason, attempt: header.attempt)]
            return Read(header: job, bodies: [], skipped: [:])
        }
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        let reader: FileSplitReader
        do {
            reader = try FileSplitReader(split: split, settings: settings, logger: quietLogger)
        } catch {
            job.failures = [unreadable(split, reason: error.reason, attempt: header.attempt)]
            return Read(header: job, bodies: [], skipped: [:])
        }
        while let item = reader.next() {
            switch item {
            case .article(let raw):
                job.articles.append(ArticleMeta(raw))
                bodies.append(raw.body)
            case .reference(let reference):
                job.articles.append(ArticleMeta(reference))
                bodies.append([])
            case .failure(let failure):
                job.failures.append(
                    DeadLetter(
                        id: failure.id, source: failure.source.description, stage: failure.stage,
                        reason: failure.reason, attempts: 0))
            case .split:
                continue
            }
        }
        return Read(header: job, bodies: bodies, skipped: reader.skippedRecords)
    }

    /// A split read: the job with its items, one body per article, and the records passed over.
    struct Read {
        var header: JobHeader
        var bodies: [[UInt8]]
        var skipped: [String: Int]
    }

    static func unreadable(_ split: FileSplit, reason: String, attempt: Int) -> DeadLetter {
        CoordinatorLedger.splitDeadLetter(split, stage: "read", reason: reason, attempts: attempt)
    }

    /// Reading problems become items; nothing is worth a log line per record on a worker.
    private static let quietLogger = Logger(label: "presswork.split") { _ in SwiftLogNoOpLogHandler() }
}
