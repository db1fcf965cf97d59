/// Where an article came from: the input file (or `-` for stdin) and where in it.
///
/// `offset` is the byte offset of the record in the file as stored (for `.gz` inputs, the
/// offset of the gzip member that holds the record); `line` is the 1-based line for JSON Lines.
public struct SourceLocation: Sendable, Hashable, Codable {
    public var path: String
    public var offset: UInt64?
    public var line: Int?

    public init(path: String, offset: UInt64? = nil, line: Int? = nil) {
        self.path = path
        self.offset = offset
        self.line = line
    }

    /// The compact form used in records and dead-letter entries: `path`, `path@offset` or `path:line`.
    public var description: String {
        if let line { return "\(path):\(line)" }
        if let offset { return "\(path)@\(offset)" }
        return path
    }
}

/// One scraped page as a reader found it, before any parsing.
///
/// Readers fill what their format carries; the pipeline decides the rest. `id` is stable across
/// runs: the hash of the URL when there is one, else the hash of the body (see `StableID`).
public struct RawArticle: Sendable {
    public var id: String
    public var url: String?
    public var body: [UInt8]
    /// The `Content-Type` as given by the source (HTTP header, JSONL field), e.g. `text/html; charset=utf-8`.
    public var contentType: String?
    /// A charset hint from the source, lower-cased (`utf-8`, `windows-1252`), when known.
    public var charset: String?
    /// The fetch time as given by the source (WARC-Date, a JSONL field), ideally ISO 8601.
    public var fetchedAt: String?
    public var source: SourceLocation

    public init(
        id: String? = nil, url: String?, body: [UInt8], contentType: String? = nil,
        charset: String? = nil, fetchedAt: String? = nil, source: SourceLocation
    ) {
        self.url = url
        self.body = body
        self.contentType = contentType
        self.charset = charset
        self.fetchedAt = fetchedAt
        self.source = source
        self.id = id ?? StableID.forArticle(url: url, body: body)
    }
}
