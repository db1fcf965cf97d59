import ArticlePipeline
import Logging
import RemoteIO

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a list of inputs in order: files (format by name and by sniffing the first bytes), folders
/// recursively (sorted, deterministic; .html .htm .xhtml .txt and their .gz), "-" for stdin, and
/// `http://` / `https://` URLs (streamed like a pipe, see `RemoteObjectStream`).
///
/// Memory stays constant: one read chunk and one record at a time (records are capped by
/// `ReaderSettings.maxRecordBytes`). Bad input never stops reading: it becomes `.failure` items.
/// Not thread-safe: use from one thread (the coordinator's input loop).
public final class ScrapeInputReader {
    private let inputs: [String]
    private let context: ScrapeReadContext
    private let standardInput: Int32
    private let opener: ScrapeInputOpener
    private let totalBytes: UInt64?
    private var nextInputIndex = 0
    private var walker: SortedDirectoryWalker?
    private var current: (any ScrapeFormatReader)?
    private var currentChunks: InputChunkReader?
    private var pending: [ScrapeItem] = []
    private var pendingIndex = 0
    private var finishedBytes: UInt64 = 0
    private var finishedFetches = (requests: 0, retries: 0, throttled: 0)
    private var articles = 0
    private var failures = 0
    private var splits = 0
    /// Remote inputs streamed to their end (the last `keptRemoteInputs`).
    private var finishedRemote: [RemoteInputFigures] = []
    static let keptRemoteInputs = 100
    private var splitBytes: UInt64 = 0

    public convenience init(inputs: [String], settings: ReaderSettings = .init(), logger: Logger) {
        self.init(inputs: inputs, settings: settings, logger: logger, standardInput: STDIN_FILENO)
    }

    /// Like `init(inputs:settings:logger:)`, reading "-" from `standardInput` (a descriptor the
    /// reader does not close), for tests and for callers that feed a pipe.
    public init(inputs: [String], settings: ReaderSettings = .init(), logger: Logger, standardInput: Int32) {
        self.inputs = inputs
        self.context = ScrapeReadContext(settings: settings, logger: logger)
        self.standardInput = standardInput
        self.opener = ScrapeInputOpener(context: context)
        self.totalBytes = Self.measure(inputs)
    }

    /// The next article or failure; nil at the end of all inputs. Never throws, never traps on bad input.
    public func next() -> ScrapeItem? {
        while true {
            if pendingIndex < pending.count {
                pendingIndex += 1
                return counted(pending[pendingIndex - 1])
            }
            if let current, let item = current.next() { return counted(item) }
            closeCurrent()
            if let walker {
                if let entry = walker.next() {
                    openFolderEntry(entry)
                } else {
                    self.walker = nil
                }
                continue
            }
            guard nextInputIndex < inputs.count else { return nil }
            nextInputIndex += 1
            openTopLevel(inputs[nextInputIndex - 1])
        }
    }

    public var stats: ReaderStats {
        var stats = ReaderStats()
        stats.articles = articles
        stats.failures = failures
        stats.splits = splits
        stats.skippedRecords = context.skipped
        stats.bytesConsumed = finishedBytes + splitBytes + (currentChunks?.bytesRead ?? 0)
        stats.totalBytes = totalBytes
        let current = currentChunks?.fetchFigures ?? (requests: 0, retries: 0, throttled: 0)
        stats.fetchRequests = finishedFetches.requests + current.requests
        stats.fetchRetries = finishedFetches.retries + current.retries
        stats.fetchThrottled = finishedFetches.throttled + current.throttled
        stats.remoteInputs = finishedRemote
        if let chunks = currentChunks, chunks.isRemote {
            stats.remoteInputs.append(Self.figures(of: chunks, done: false))
        }
        return stats
    }

    /// Skips items already handed out, for resume: advances without yielding until `count` items have
    /// been produced (or the inputs end). Skipped items still count in `stats`.
    public func skip(_ count: Int) {
        var remaining = count
        while remaining > 0, next() != nil { remaining -= 1 }
    }

    private func counted(_ item: ScrapeItem) -> ScrapeItem {
        switch item {
        case .article, .reference:
            articles += 1
        case .split(let split):
            splits += 1
            splitBytes += split.bytes
        case .failure(var failure):
            failures += 1
            // A remote input that stopped delivering: the records it cut short failed to be fetched.
            if let chunks = currentChunks, chunks.isRemote, let error = chunks.readError,
                failure.reason.contains(error)
            {
                failure.stage = "fetch"
                return .failure(failure)
            }
        }
        return item
    }

    private func closeCurrent() {
        current = nil
        if let chunks = currentChunks {
            finishedBytes += chunks.bytesRead
            if chunks.isRemote {
                if finishedRemote.count >= Self.keptRemoteInputs { finishedRemote.removeFirst() }
                finishedRemote.append(Self.figures(of: chunks, done: true))
                let fetched = chunks.fetchFigures
                finishedFetches.requests += fetched.requests
                finishedFetches.retries += fetched.retries
                finishedFetches.throttled += fetched.throttled
                context.logger.info(
                    "remote input read",
                    metadata: [
                        "url": "\(chunks.path)", "bytes": "\(chunks.bytesRead)",
                        "requests": "\(fetched.requests)",
                        "retries": "\(fetched.retries)", "throttled": "\(fetched.throttled)",
                        "error": "\(chunks.readError ?? "none")",
                    ])
            }
        }
        currentChunks = nil
        pending.removeAll(keepingCapacity: true)
        pendingIndex = 0
    }

    private static func figures(of chunks: InputChunkReader, done: Bool) -> RemoteInputFigures {
        let fetched = chunks.fetchFigures
        return RemoteInputFigures(
            url: chunks.path, bytes: chunks.bytesRead, requests: fetched.requests, retries: fetched.retries,
            throttled: fetched.throttled, error: chunks.readError, done: done)
    }

    private func openTopLevel(_ path: String) {
        context.logger.info("reading input", metadata: ["path": "\(path)"])
        if path == "-" {
            start(
                InputChunkReader(descriptor: standardInput, path: "-", closesDescriptor: false), format: nil)
            return
        }
        if let scheme = RemoteLocation.scheme(of: path) {
            guard RemoteLocation.supportedSchemes.contains(scheme) else {
                let reason = "\(scheme):// inputs are not supported (http://, https:// and s3:// are)"
                pending = [
                    .failure(ReadFailure(source: SourceLocation(path: path), reason: reason, stage: "fetch"))
                ]
                return
            }
            if let splits = remoteSplits(of: path) {
                pending = splits.map(ScrapeItem.split)
                return
            }
            let stream = RemoteObjectStream(
                url: path, settings: context.settings.remote, logger: context.logger)
            start(InputChunkReader(remote: stream, path: path), format: nil)
            return
        }
        switch SortedDirectoryWalker.kind(of: path, followsFolderLinks: true) {
        case .success(.directory):
            walker = SortedDirectoryWalker(root: path)
        case .success:
            openFile(path, format: nil)
        case .failure(let error):
            pending = [context.failure(SourceLocation(path: path), error.text)]
        }
    }

    private func openFolderEntry(_ entry: SortedDirectoryWalker.Entry) {
        switch entry {
        case .file(let path, _):
            guard case .document(let contentType)? = ScrapeInputFormat.classify(name: path).format else {
                context.skip("ignored file")
                return
            }
            openFile(path, format: .document(contentType: contentType))
        case .unreadable(let path, let reason):
            pending = [context.failure(SourceLocation(path: path), reason)]
        case .special:
            context.skip("ignored file")
        }
    }

    private func openFile(_ path: String, format: ScrapeInputFormat?) {
        if format == nil, let splits = self.splits(of: path) {
            pending = splits.map(ScrapeItem.split)
            return
        }
        switch InputChunkReader.open(path: path) {
        case .success(let chunks): start(chunks, format: format)
        case .failure(let error): pending = [context.failure(SourceLocation(path: path), error.text)]
        }
    }

    private func start(_ chunks: InputChunkReader, format: ScrapeInputFormat?) {
        let opened = opener.open(chunks, format: format)
        currentChunks = chunks
        current = opened.reader
        pending = opened.items
        pendingIndex = 0
    }

    /// The splits of a local, non-empty `.warc.gz` file when splits are on; nil otherwise.
    private func splits(of path: String) -> [FileSplit]? {
        guard context.settings.handsOutReferences, let splitBytes = context.settings.splitBytes,
            case let named = ScrapeInputFormat.classify(name: path), named.format == .warc,
            named.compression == .gzip,
            case .success(.file(let size)) = SortedDirectoryWalker.kind(of: path, followsFolderLinks: true),
            size > 0
        else { return nil }
        context.logger.debug("cut into splits", metadata: ["path": "\(path)", "bytes": "\(size)"])
        return FileSplit.cut(
            path: path, file: AbsolutePath.resolve(path), size: size, splitBytes: splitBytes)
    }

    /// The splits of an http(s) `.warc.gz` input when remote files are split; nil otherwise (or
    /// when its size cannot be had: it is then streamed).
    private func remoteSplits(of url: String) -> [FileSplit]? {
        let settings = context.settings
        guard settings.handsOutReferences, settings.splitsRemoteFiles, let splitBytes = settings.splitBytes,
            case let named = ScrapeInputFormat.classify(name: url), named.format == .warc,
            named.compression == .gzip
        else { return nil }
        do {
            let size = try RemoteObjectSize.fetch(url: url, settings: settings.remote, logger: context.logger)
            guard size > 0 else { return nil }
            return FileSplit.cut(path: url, file: url, size: size, splitBytes: splitBytes)
        } catch {
            context.logger.warning(
                "no size for a remote input: it is streamed",
                metadata: ["url": "\(url)", "reason": "\(error)"])
            return nil
        }
    }

    /// The sum of the sizes of everything that will be read, or nil when stdin or a remote input is
    /// among the inputs.
    private static func measure(_ inputs: [String]) -> UInt64? {
        var total: UInt64 = 0
        for path in inputs {
            if path == "-" || RemoteLocation.scheme(of: path) != nil { return nil }
            switch SortedDirectoryWalker.kind(of: path, followsFolderLinks: true) {
            case .success(.file(let size)):
                total += size
            case .success(.directory):
                let walker = SortedDirectoryWalker(root: path)
                while let entry = walker.next() {
                    guard case .file(let file, let size) = entry,
                        case .document? = ScrapeInputFormat.classify(name: file).format
                    else { continue }
                    total += size
                }
            default:
                continue
            }
        }
        return total
    }
}
