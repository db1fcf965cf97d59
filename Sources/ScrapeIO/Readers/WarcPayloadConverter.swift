import ArticlePipeline

/// Turns the payload of a WARC `response` or `resource` record into an article, a skip, or a failure.
///
/// Two steps, so that a reader that leaves payloads in their file (`ArticleReference`) decides
/// skips from the head alone: `plan` judges the record from its WARC fields and the start of its
/// payload; `item` (or a worker, later) then decodes the body.
struct WarcPayloadConverter {
    let context: ScrapeReadContext

    /// What the head of a record says.
    enum Verdict {
        /// An article candidate: decode its body (`http` is nil for `resource` records and for
        /// `response` records that do not carry HTTP).
        case accept(url: String?, fetchedAt: String?, contentType: String?, http: HTTPResponsePayload?)
        /// Passed over on purpose, under this key (see `ScrapeReadContext.skip`).
        case skip(String)
        /// Not readable, for this reason.
        case failure(String)
        /// The head given was too short to judge (the HTTP header block did not end in it).
        case needsWholePayload
    }

    /// The item for one record, or nil when it is skipped on purpose (counted in the context).
    func item(
        type: String, fields: HeaderFields, payload: UnsafeRawBufferPointer, source: SourceLocation
    ) -> ScrapeItem? {
        switch plan(type: type, fields: fields, head: payload, isWhole: true) {
        case .accept(let url, let fetchedAt, let contentType, let http):
            let body: [UInt8]
            switch Self.body(of: payload, http: http, limit: context.settings.maxRecordBytes) {
            case .success(let bytes): body = bytes
            case .failure(.tooLarge): return context.failure(source, context.tooLargeReason(nil))
            case .failure(.reason(let reason)): return context.failure(source, reason)
            }
            guard !body.isEmpty else {
                context.skip("empty body")
                return nil
            }
            let article = RawArticle(
                url: url, body: body, contentType: contentType,
                charset: contentType.flatMap(ContentTypeValue.charset), fetchedAt: fetchedAt, source: source)
            return .article(article)
        case .skip(let key):
            context.skip(key)
            return nil
        case .failure(let reason):
            return context.failure(source, reason)
        case .needsWholePayload:
            preconditionFailure("a whole payload is always enough to judge")
        }
    }

    /// Judges a record from its fields and `head`, the first bytes of its payload (all of them when
    /// `isWhole`). Counts nothing: the caller acts on the verdict.
    func plan(
        type: String, fields: HeaderFields, head: UnsafeRawBufferPointer, isWhole: Bool
    ) -> Verdict {
        let url = fields["warc-target-uri"].map { ContentTypeValue.trim(Substring($0), "<>") }
        let fetchedAt = fields["warc-date"]
        let warcContentType = fields["content-type"]
        let warcMediaType = warcContentType.map(ContentTypeValue.mediaType) ?? ""
        let keptURL = url?.isEmpty == false ? url : nil
        guard type == "response", warcMediaType.isEmpty || warcMediaType.hasPrefix("application/http") else {
            if let skip = Self.skipKey(for: warcContentType) { return .skip(skip) }
            return .accept(url: keptURL, fetchedAt: fetchedAt, contentType: warcContentType, http: nil)
        }
        if !isWhole, !HTTPResponsePayload.headIsComplete(head) { return .needsWholePayload }
        guard let response = HTTPResponsePayload(head: head) else {
            return .failure("malformed HTTP response in WARC response record")
        }
        guard (200..<300).contains(response.status) else { return .skip("http status \(response.status)") }
        if let skip = Self.skipKey(for: response.contentType) { return .skip(skip) }
        return .accept(url: keptURL, fetchedAt: fetchedAt, contentType: response.contentType, http: response)
    }

    /// The article body of a payload: the HTTP entity body (de-chunked, inflated) or the whole
    /// payload when it is not an HTTP response.
    static func body(
        of payload: UnsafeRawBufferPointer, http: HTTPResponsePayload?, limit: Int
    ) -> Result<[UInt8], WarcPayloadFailure> {
        guard let http else {
            return payload.count > limit ? .failure(.tooLarge) : .success(Array(payload))
        }
        return http.body(of: payload, limit: limit)
    }

    /// Nil when the media type is one we extract from, else the skip key.
    private static func skipKey(for contentType: String?) -> String? {
        let mediaType = ContentTypeValue.mediaType(contentType ?? "")
        if ContentTypeValue.isArticleCandidate(mediaType: mediaType) { return nil }
        return "content type \(mediaType.prefix(64))"
    }
}
