import ArticlePipeline
import Logging

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
    /// The bytes of a remote record range and the file offset they start at.
    private var fetched: (bytes: [UInt8], base: UInt64)?

    /// Opens the split's file (its absolute path, `split.file`); `Unreadable` when it cannot be
    /// opened or is not a regular file. `settings.handsOutReferences` decides whether one-record
    /// members come out as references (for a loader) or as articles.
    public init(split: FileSplit, settings: ReaderSettings, logger: Logger) throws(Unreadable) {
        switch InputChunkReader.open(path: split.file, label: split.path) {
        case .success(let opened): chunks = opened
        case .failure(let error):
            throw Unreadable(reason: "cannot open split input \(split.file): \(error.text)")
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
        fetched = (stored, split.offset)
    }

    /// The next item of the split; nil at its end. Never throws: bad records become failures.
    public func next() -> ScrapeItem? {
        let item = plainNext()
        guard let fetched, case .reference(let reference)? = item else { return item }
        let payload = reference.payload
        guard payload.offset >= fetched.base,
            payload.offset - fetched.base + UInt64(payload.length) <= UInt64(fetched.bytes.count)
        else {
            return .failure(
                ReadFailure(source: reference.article.source, reason: "reference outside the fetched range"))
        }
        let from = Int(payload.offset - fetched.base)
        return ArticleReferenceLoader().resolve(
            .reference(reference), stored: Array(fetched.bytes[from..<(from + payload.length)]))
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

    /// Records passed over on purpose, by reason (as `ReaderStats.skippedRecords`).
    public var skippedRecords: [String: Int] { context.skipped }
}
