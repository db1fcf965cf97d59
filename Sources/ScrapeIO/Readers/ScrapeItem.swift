import ArticlePipeline

/// One thing a reader hands out: an article, an article left in its file, or a record it could not read.
public enum ScrapeItem: Sendable {
    case article(RawArticle)
    /// Only when `ReaderSettings.handsOutReferences` is on: an article whose body stays in a
    /// plain WARC file, for whoever processes it to read with `ArticleReferenceLoader`.
    case reference(ArticleReference)
    case failure(ReadFailure)
    /// Only when `ReaderSettings.splitBytes` is set: a byte range of a WARC.gz file for a worker to
    /// read by itself (`FileSplitReader`), the file left unread here.
    case split(FileSplit)

    /// The stored offset the item was found at (a record's gzip member for WARC.gz), when known.
    public var sourceOffset: UInt64? {
        switch self {
        case .article(let article): article.source.offset
        case .reference(let reference): reference.article.source.offset
        case .failure(let failure): failure.source.offset
        case .split(let split): split.offset
        }
    }
}

/// A record (or whole input) that could not be read; it goes to the dead-letter shard.
///
/// Reading always goes on after a failure. `id` is the stable hash of the location's compact form
/// (`path@offset`, `path:line` or `path`) so dead-letter rows have an id even without a URL or body.
public struct ReadFailure: Sendable, Error, Equatable {
    public var source: SourceLocation
    public var reason: String
    public var id: String
    /// The dead-letter stage: `read` for what is stored but unreadable, `fetch` for a remote input
    /// whose bytes could not be fetched (after the retries).
    public var stage: String

    public init(source: SourceLocation, reason: String, stage: String = "read") {
        self.source = source
        self.reason = reason
        self.stage = stage
        self.id = StableID.hex(StableID.hash64(source.description.utf8))
    }
}
