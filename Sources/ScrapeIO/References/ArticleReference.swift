import ArticlePipeline

// Jobs by reference, the reading side: the WARC readers hand out an `ArticleReference` instead of
// an article when `ReaderSettings.handsOutReferences` is on (`WarcRecordReader+References`,
// `GzipWarcReferenceReader`), and whoever processes the article reads its body with
// `ArticleReferenceLoader`. How a reference travels in a job and is read by a worker: `ArticleMeta`
// in the Cluster module.

/// Where an article's body lies in a WARC file: a record's payload in a plain file, or the gzip
/// member holding the whole record in a WARC.gz file, still to be decoded. Jobs carry these instead
/// of bodies when every worker can read the input's path.
public struct StoredPayload: Sendable, Codable, Equatable {
    /// The input's absolute path, so that a process started elsewhere finds the same file.
    public var file: String
    /// The payload's first byte in the file (just after the WARC header block), or the member's.
    public var offset: UInt64
    /// Bytes of the payload, or of the gzip member as stored.
    public var length: Int
    /// True when the payload is an HTTP response: the body follows its header block and may be
    /// chunked or compressed. False for `resource` records, whose payload is the document itself.
    public var isHTTP: Bool
    /// True when the range is a gzip member holding the whole WARC record (header block included).
    public var isGzipMember: Bool?

    public init(file: String, offset: UInt64, length: Int, isHTTP: Bool, isGzipMember: Bool = false) {
        self.file = file
        self.offset = offset
        self.length = length
        self.isHTTP = isHTTP
        self.isGzipMember = isGzipMember ? true : nil
    }
}

/// An article left in its file: everything a reader knows of it (`article.body` is empty; `id`
/// comes from the URL, which a reference always has) and where the body is.
public struct ArticleReference: Sendable {
    public var article: RawArticle
    public var payload: StoredPayload

    public init(article: RawArticle, payload: StoredPayload) {
        self.article = article
        self.payload = payload
    }
}
