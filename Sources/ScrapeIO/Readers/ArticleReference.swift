import ArticlePipeline

/// Where an article's body lies in a plain (uncompressed) WARC file: a record's payload, still to
/// be decoded. Jobs carry these instead of bodies when every worker can read the input's path.
public struct StoredPayload: Sendable, Codable, Equatable {
    /// The input's absolute path, so that a process started elsewhere finds the same file.
    public var file: String
    /// The payload's first byte in the file (just after the WARC header block).
    public var offset: UInt64
    public var length: Int
    /// True when the payload is an HTTP response: the body follows its header block and may be
    /// chunked or compressed. False for `resource` records, whose payload is the document itself.
    public var isHTTP: Bool

    public init(file: String, offset: UInt64, length: Int, isHTTP: Bool) {
        self.file = file
        self.offset = offset
        self.length = length
        self.isHTTP = isHTTP
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
