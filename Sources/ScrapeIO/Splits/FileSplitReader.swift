import ArticlePipeline
import Logging
import RemoteIO

/// Reads the records a `FileSplit` owns, on the worker that was given it: finds where its range
/// begins and ends (`RecordMemberFinder`), then reads the members in between as the coordinator
/// would have in reference mode (`GzipWarcReferenceReader`: references for one-record members,
/// streaming for irregular stretches), so the items are the same as reading the whole file.
///
/// The first split reads from the file's first byte; when that is not a record member (not gzip,
/// a damaged start) it reads through the stream readers, as opening the file would. Items found at
/// or past the range's end member are left to the next split. Memory: the readers' windows and
/// one record at a time.
public final class FileSplitReader {
    /// A reason the split could not be read at all (its job's single dead-letter row says it).
    public struct Unreadable: Error, Sendable, Equatable {
        public var reason: String
    }

    private let context: ScrapeReadContext
    private let chunks: InputChunkReader
    private var reader: (any ScrapeFormatReader)?
    private var pending: [ScrapeItem] = []
    /// The stored offset where the next split's records begin.
    private let stopAt: UInt64
    private var done = false
    /// True when the bytes are fetched (a remote file): references are resolved here from the
    /// bytes fetched already, since no loader can read them again from a file.
    private let resolvesHere: Bool

    /// Opens the split's file (its absolute path, `split.file`); `Unreadable` when it cannot be
    /// opened or is not a regular file. `settings.handsOutReferences` decides whether one-record
    /// members come out as references (for a loader) or as articles.
    /// A split of an http(s) file is read in blocks of bounded Range requests (`RemoteBlockReader`),
    /// its size taken from the split.
    public init(split: FileSplit, settings: ReaderSettings, logger: Logger) throws(Unreadable) {
        if RemoteLocation.isRemote(split.file) {
            // Blocks of a quarter of the split (at most 1 MB): what is fetched past the range (the
            // last member's tail, the next record member's head) stays small beside it.
            let blocks = RemoteBlockReader(
                url: split.file, size: split.fileSize,
                blockBytes: min(RemoteBlockReader.defaultBlockBytes, Int(clamping: split.length / 4)),
                settings: settings.remote, logger: logger)
            chunks = InputChunkReader(blocks: blocks, path: split.path)
            resolvesHere = true
        } else {
            switch InputChunkReader.open(path: split.file, label: split.path) {
            case .success(let opened): chunks = opened
            case .failure(let error):
                throw Unreadable(reason: "cannot open split input \(split.file): \(error.text)")
            }
            resolvesHere = false
        }
        guard let size = chunks.regularFileSize else {
            throw Unreadable(reason: "split input \(split.file) is not a regular file")
        }
        guard split.offset < size else {
            throw Unreadable(
                reason:
                    "split input \(split.file) is \(size) bytes, shorter than when it was cut (\(split.fileSize))"
            )
        }
        let finder = RecordMemberFinder(stored: StoredByteWindow(chunks: chunks, fileSize: size), size: size)
        if split.isRecordRange == true {
            // A CDX record range: exactly the member(s) named, read as the whole file's reader would.
            stopAt = min(size, split.end)
            context = ScrapeReadContext(settings: settings, logger: logger)
            reader = GzipWarcReferenceReader(
                chunks: chunks, path: split.path, context: context, file: split.file, from: split.offset,
                stopAt: stopAt)
            return
        }
        stopAt =
            split.end >= split.fileSize
            ? size : finder.firstRecordMember(from: split.end, before: size) ?? size
        let startsWithRecord = split.offset > 0 || finder.isRecordMember(0)
        var settings = settings
        // A first split that does not start with a record member is read as opening the file would,
        // through the stream readers, with inline bodies (references would need its real name).
        if !startsWithRecord { settings.handsOutReferences = false }
        context = ScrapeReadContext(settings: settings, logger: logger)
        if !startsWithRecord {
            let opened = ScrapeInputOpener(context: context).open(chunks)
            pending = opened.items
            reader = opened.reader
        } else if let from = split.offset == 0
            ? 0 : finder.firstRecordMember(from: split.offset, before: split.end)
        {
            reader = GzipWarcReferenceReader(
                chunks: chunks, path: split.path, context: context, file: split.file, from: from,
                stopAt: stopAt)
        }
    }

    /// Reads a record range (`split.isRecordRange`) of a remote file from its bytes, fetched
    /// already (`stored`, exactly the range): references are resolved here, since no worker can
    /// read the range again from a file.
    public init(split: FileSplit, stored: [UInt8], settings: ReaderSettings, logger: Logger) {
        chunks = InputChunkReader(memory: stored, base: split.offset, path: split.path)
        context = ScrapeReadContext(settings: settings, logger: logger)
        stopAt = split.offset + UInt64(stored.count)
        reader = GzipWarcReferenceReader(
            chunks: chunks, path: split.path, context: context, file: split.file, from: split.offset,
            stopAt: stopAt)
        resolvesHere = true
    }

    /// The next item of the split; nil at its end. Never throws: bad records become failures.
    public func next() -> ScrapeItem? {
        let item = plainNext()
        if case .failure(var failure)? = item, let error = chunks.readError {
            // The bytes stopped coming: what was cut short failed to be fetched.
            failure.stage = "fetch"
            failure.reason += " (fetch failed: \(error))"
            return .failure(failure)
        }
        guard resolvesHere, case .reference(let reference)? = item else { return item }
        let payload = reference.payload
        var stored = [UInt8](repeating: 0, count: payload.length)
        let count = stored.withUnsafeMutableBytes { chunks.readStored(at: payload.offset, into: $0) }
        guard count == payload.length else {
            let reason = "fetch failed: \(chunks.readError ?? "the range ends early")"
            return .failure(ReadFailure(source: reference.article.source, reason: reason, stage: "fetch"))
        }
        return ArticleReferenceLoader().resolve(.reference(reference), stored: stored)
    }

    private func plainNext() -> ScrapeItem? {
        guard !done else { return nil }
        let item: ScrapeItem?
        if !pending.isEmpty {
            item = pending.removeFirst()
        } else {
            item = reader?.next()
        }
        guard let item, (item.sourceOffset ?? 0) < stopAt else {
            done = true
            reader = nil
            return nil
        }
        return item
    }

    /// What reading a remote split fetched so far: bytes, requests, retries, throttled retries.
    public var fetchFigures: (bytes: UInt64, requests: Int, retries: Int, throttled: Int) {
        let figures = chunks.fetchFigures
        return (chunks.bytesFetched, figures.requests, figures.retries, figures.throttled)
    }

    /// Records passed over on purpose, by reason (as `ReaderStats.skippedRecords`).
    public var skippedRecords: [String: Int] { context.skipped }
}
