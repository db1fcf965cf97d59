import ArticlePipeline

/// Turns the payload of a WARC `response` or `resource` record into an article, a skip, or a failure.
struct WarcPayloadConverter {
    let context: ScrapeReadContext

    /// The item for one record, or nil when it is skipped on purpose (counted in the context).
    func item(
        type: String, fields: HeaderFields, payload: UnsafeRawBufferPointer, source: SourceLocation
    ) -> ScrapeItem? {
        let url = fields["warc-target-uri"].map { ContentTypeValue.trim(Substring($0), "<>") }
        let fetchedAt = fields["warc-date"]
        let warcContentType = fields["content-type"]
        let warcMediaType = warcContentType.map(ContentTypeValue.mediaType) ?? ""
        let limit = context.settings.maxRecordBytes
        var contentType = warcContentType
        let body: [UInt8]
        if type == "response", warcMediaType.isEmpty || warcMediaType.hasPrefix("application/http") {
            guard let response = HTTPResponsePayload(head: payload) else {
                return context.failure(source, "malformed HTTP response in WARC response record")
            }
            guard (200..<300).contains(response.status) else {
                context.skip("http status \(response.status)")
                return nil
            }
            contentType = response.contentType
            guard accepts(contentType) else { return nil }
            switch response.body(of: payload, limit: limit) {
            case .success(let bytes): body = bytes
            case .failure(.tooLarge): return context.failure(source, context.tooLargeReason(nil))
            case .failure(.reason(let reason)): return context.failure(source, reason)
            }
        } else {
            guard accepts(contentType) else { return nil }
            body = Array(payload)
        }
        guard !body.isEmpty else {
            context.skip("empty body")
            return nil
        }
        let article = RawArticle(
            url: url?.isEmpty == false ? url : nil, body: body, contentType: contentType,
            charset: contentType.flatMap(ContentTypeValue.charset), fetchedAt: fetchedAt, source: source)
        return .article(article)
    }

    /// Whether the media type is one we extract from; counts the skip when not.
    private func accepts(_ contentType: String?) -> Bool {
        let mediaType = ContentTypeValue.mediaType(contentType ?? "")
        if ContentTypeValue.isArticleCandidate(mediaType: mediaType) { return true }
        context.skip("content type \(mediaType.prefix(64))")
        return false
    }
}
