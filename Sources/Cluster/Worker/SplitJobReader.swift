import ArticlePipeline
import Logging
import RemoteIO
import ScrapeIO

/// Turns a split job (a byte range of a WARC.gz file, `JobHeader.split`) into an ordinary job: the
/// records its range owns (`FileSplitReader`), as references the lanes read and inline bodies for
/// irregular stretches, and its read failures. A split that cannot be read at all — its file is
/// gone, outside the worker's input roots, or shorter than when it was cut — becomes one dead
/// letter (stage `read`) with the reason, so the job fails visibly instead of committing nothing.
/// A CDX batch (`FileSplit.records`) is read record by record, each failing alone.
enum SplitJobReader {
    /// The job's header with the split's articles and failures filled in, and one body per article
    /// (empty for references). Split jobs are never retried for a read failure, like references.
    static func read(_ header: JobHeader, inputRoots: [String]?, remote: RemoteSettings = .init()) -> Read {
        guard let split = header.split else { return Read(header: header, bodies: [], skipped: [:]) }
        var read = Read(header: header, bodies: [], skipped: [:])
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        settings.remote = remote
        // A CDX batch is read record by record: a record that cannot be fetched fails alone.
        for part in split.recordRanges {
            read.add(part, attempt: header.attempt, inputRoots: inputRoots, settings: settings)
        }
        return read
    }

    /// A split read: the job with its items, one body per article, and the records passed over.
    struct Read {
        var header: JobHeader
        var bodies: [[UInt8]]
        var skipped: [String: Int]

        /// Reads one split (or one record range of a batch) into the job.
        mutating func add(_ split: FileSplit, attempt: Int, inputRoots: [String]?, settings: ReaderSettings) {
            let reader: FileSplitReader
            switch SplitJobReader.open(split, inputRoots: inputRoots, settings: settings) {
            case .success(let opened):
                reader = opened
            case .failure(let failure):
                header.failures.append(
                    CoordinatorLedger.splitDeadLetter(
                        split, stage: failure.stage, reason: failure.reason, attempts: attempt))
                return
            }
            while let item = reader.next() {
                switch item {
                case .article(let raw):
                    header.articles.append(ArticleMeta(raw))
                    bodies.append(raw.body)
                case .reference(let reference):
                    header.articles.append(ArticleMeta(reference))
                    bodies.append([])
                case .failure(let failure):
                    header.failures.append(
                        DeadLetter(
                            id: failure.id, source: failure.source.description, stage: failure.stage,
                            reason: failure.reason, attempts: 0))
                case .split:
                    continue
                }
            }
            let fetched = reader.fetchFigures
            SplitJobReader.count(
                fetched: (fetched.bytes, fetched.requests, fetched.retries, fetched.throttled))
            skipped.merge(reader.skippedRecords, uniquingKeysWith: +)
        }
    }

    /// Why a split could not be read at all, and the stage that failed (`read`, or `fetch` for a
    /// remote range).
    struct Failure: Error {
        var stage: String
        var reason: String
    }

    /// The split's reader: a local file inside the input roots, or a remote record range (from a
    /// CDX index) whose URL starts with one of the roots that are URLs, fetched whole first.
    fileprivate static func open(
        _ split: FileSplit, inputRoots: [String]?, settings: ReaderSettings
    ) -> Result<FileSplitReader, Failure> {
        guard RemoteLocation.isRemote(split.file) else {
            if let refusal = ArticleReferenceLoader(allowedRoots: inputRoots).refusal(of: split.file) {
                return .failure(Failure(stage: "read", reason: refusal.reason))
            }
            do {
                return .success(try FileSplitReader(split: split, settings: settings, logger: quietLogger))
            } catch {
                return .failure(Failure(stage: "read", reason: error.reason))
            }
        }
        if let inputRoots,
            !inputRoots.contains(where: { RemoteLocation.isRemote($0) && split.file.hasPrefix($0) })
        {
            return .failure(
                Failure(
                    stage: "read", reason: "referenced input \(split.file) is outside the allowed input roots"
                ))
        }
        guard split.isRecordRange == true else {
            do {
                return .success(try FileSplitReader(split: split, settings: settings, logger: quietLogger))
            } catch {
                return .failure(Failure(stage: "read", reason: error.reason))
            }
        }
        guard split.length <= UInt64(settings.maxRecordBytes + (1 << 20)) else {
            return .failure(
                Failure(stage: "read", reason: "record range of \(split.length) bytes exceeds maxRecordBytes")
            )
        }
        let stream = RemoteObjectStream(
            url: split.file, range: split.offset..<split.end, settings: settings.remote, logger: quietLogger)
        defer {
            stream.close()
            count(fetched: (UInt64(split.length), stream.requests, stream.retries, stream.throttled))
        }
        var bytes = [UInt8](repeating: 0, count: Int(split.length))
        var filled = 0
        do {
            while filled < bytes.count {
                let count = try bytes.withUnsafeMutableBytes { buffer in
                    try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                }
                guard count > 0 else { break }
                filled += count
            }
        } catch {
            return .failure(Failure(stage: "fetch", reason: "\(error)"))
        }
        guard filled == bytes.count else {
            return .failure(
                Failure(
                    stage: "fetch", reason: "the server sent \(filled) of \(bytes.count) bytes of the range"))
        }
        return .success(FileSplitReader(split: split, stored: bytes, settings: settings, logger: quietLogger))
    }

    /// Adds what a remote split's reading fetched to the worker's metrics.
    fileprivate static func count(fetched: (bytes: UInt64, requests: Int, retries: Int, throttled: Int)) {
        guard fetched.requests > 0 else { return }
        ClusterMetrics.fetchBytes.increment(by: Int(clamping: fetched.bytes))
        ClusterMetrics.fetchRequests.increment(by: fetched.requests)
        ClusterMetrics.fetchRetries.increment(by: fetched.retries)
        ClusterMetrics.fetchThrottled.increment(by: fetched.throttled)
    }

    /// Reading problems become items; nothing is worth a log line per record on a worker.
    private static let quietLogger = Logger(label: "presswork.split") { _ in SwiftLogNoOpLogHandler() }
}
