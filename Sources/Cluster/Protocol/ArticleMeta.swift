import ArticlePipeline
import ScrapeIO

/// What the coordinator knows of one article of a job; the body travels as its own frame, or stays
/// in its input file when `payload` says where (the frame is then empty and the worker reads it).
///
/// This is where the two sides of jobs by reference (wire protocol version 2) meet:
/// - coordinator: with `ReaderSettings.handsOutReferences`, the WARC readers decode only record
///   heads and hand out `ScrapeItem.reference` (ScrapeIO's `References/` folder:
///   `WarcRecordReader+References` for plain WARC, `GzipWarcReferenceReader` for one gzip member
///   per record); `JobCutter` turns each into an `ArticleMeta` with a `payload` and an empty frame;
/// - worker: `ArticleLanes` reads each referenced body with `ArticleReferenceLoader` (regular
///   files inside its input roots only) and runs the same pipeline; a body it cannot read becomes a
///   dead letter of stage `read`, never a retry, and the output is the same as reading inline.
public struct ArticleMeta: Codable, Sendable, Equatable {
    public var id: String
    public var url: String?
    public var contentType: String?
    public var charset: String?
    public var fetchedAt: String?
    public var source: SourceLocation
    public var payload: StoredPayload?

    public init(_ raw: RawArticle) {
        id = raw.id
        url = raw.url
        contentType = raw.contentType
        charset = raw.charset
        fetchedAt = raw.fetchedAt
        source = raw.source
    }

    public init(_ reference: ArticleReference) {
        self.init(reference.article)
        payload = reference.payload
    }

    /// The article again, with the body received in its frame.
    public func article(body: [UInt8]) -> RawArticle {
        RawArticle(
            id: id, url: url, body: body, contentType: contentType, charset: charset,
            fetchedAt: fetchedAt, source: source)
    }
}
