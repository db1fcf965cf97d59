import ArticlePipeline

/// Yields a whole input (an `.html` or `.txt` file, or unrecognised text on stdin) as one article.
///
/// There is no URL, so the article id is the hash of the body.
final class SingleDocumentReader: ScrapeFormatReader {
    private let input: DecodedInputBuffer
    private let path: String
    private let contentType: String
    private let context: ScrapeReadContext
    private var done = false

    init(input: DecodedInputBuffer, path: String, contentType: String, context: ScrapeReadContext) {
        self.input = input
        self.path = path
        self.contentType = contentType
        self.context = context
    }

    func next() -> ScrapeItem? {
        guard !done else { return nil }
        done = true
        let source = SourceLocation(path: path)
        reading: while true {
            if input.available > context.settings.maxRecordBytes {
                return context.failure(source, context.tooLargeReason(nil))
            }
            switch input.fillMore() {
            case .ready: continue
            case .end: break reading
            case .damaged(_, let reason): return context.failure(source, reason)
            case .discontinuity: return context.failure(source, "corrupt compressed data")
            }
        }
        guard input.available > 0 else { return context.failure(source, "empty file") }
        let body = input.copy(from: 0, count: input.available)
        input.dropBuffered()
        return .article(RawArticle(url: nil, body: body, contentType: contentType, source: source))
    }
}
