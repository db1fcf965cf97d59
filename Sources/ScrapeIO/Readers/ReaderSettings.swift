import RemoteIO

/// What readers look for in the inputs; defaults fit common scrape dumps.
///
/// For JSON Lines every list is tried in order and the first field present with a usable value wins.
public struct ReaderSettings: Sendable {
    public var urlFields: [String] = ["url", "warc_target_uri", "link"]
    public var bodyFields: [String] = ["html", "body", "content", "raw_content", "text"]
    /// When present and a string or number, used as the article id instead of the URL hash.
    public var idFields: [String] = ["id"]
    public var fetchedAtFields: [String] = ["fetched_at", "fetch_time", "timestamp", "date", "crawled_at"]
    public var contentTypeFields: [String] = ["content_type", "mime", "mime_type"]
    /// Larger records (WARC payloads, JSON lines, documents) become failures and reading goes on;
    /// this bounds the memory one record can take.
    public var maxRecordBytes: Int = 64 << 20
    /// Hand out `.reference` items (file, byte range) for the articles of plain WARC files and of
    /// WARC.gz files with one gzip member per record, instead of their bodies: the reader then
    /// decodes only header blocks and seeks past payloads. Only for consumers that can read the
    /// same path (`ArticleReferenceLoader`). Whatever cannot be judged from a record's head (no
    /// URL, a damaged member, several records in one member) is read as before.
    public var handsOutReferences = false
    /// With `handsOutReferences`: local `.warc.gz` files are not read but cut into `.split` items of
    /// this many bytes (by size alone, see `FileSplit`), each for a worker to read. Nil: no splits.
    public var splitBytes: UInt64?
    /// With `splitBytes`: `http(s)` and `s3://` `.warc.gz` inputs are split too (their size from a
    /// HEAD request); workers then fetch their splits with Range requests and the coordinator
    /// reads none of the data. Off: the coordinator streams them (a server without byte ranges).
    public var splitsRemoteFiles = true
    /// Which inputs are CDX indexes and which of their records to read (`CdxSelection`).
    public var cdx = CdxSelection()
    /// How `http://` and `https://` inputs are fetched (retries, connections per host, buffer).
    public var remote = RemoteSettings()

    public init() {}
}

/// Progress of a `ScrapeInputReader`, for status and ETA.
public struct ReaderStats: Sendable, Equatable {
    /// Articles handed out, references included (a reference whose body later proves undecodable
    /// is counted here; its failure is counted where it is decoded).
    public var articles = 0
    public var failures = 0
    /// Records passed over on purpose, by WARC-Type (`request`, `warcinfo`, …) or by reason
    /// (`http status 404`, `content type image/png`, `ignored file`, `blank line`).
    public var skippedRecords: [String: Int] = [:]
    /// Bytes of input files read so far, as stored (compressed).
    public var bytesConsumed: UInt64 = 0
    /// Sum of the input file sizes when known (nil when stdin is among the inputs).
    public var totalBytes: UInt64?
    /// HTTP requests sent for remote inputs (the first of each input and every retry).
    public var fetchRequests = 0
    /// Of those, the ones sent again after a failure.
    public var fetchRetries = 0
    /// Of the retries, those a server asked for by throttling (429, 503).
    public var fetchThrottled = 0
    /// `.split` items handed out (their bytes are counted in `bytesConsumed` when handed out).
    public var splits = 0
    /// The fetch figures of the remote inputs streamed so far (the last 100 finished ones, then the
    /// one being read).
    public var remoteInputs: [RemoteInputFigures] = []

    public init() {}
}
