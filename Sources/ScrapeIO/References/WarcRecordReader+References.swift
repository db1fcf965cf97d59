import ArticlePipeline

/// Reference mode: articles of a plain WARC file are handed out as `(file, byte range)` and their
/// payloads sought past, so the reader touches only header blocks. Every record is judged exactly
/// as when it is read (same skips, same failures); whatever cannot be judged from the head — a
/// missing URL (the id would need the body), an HTTP header block longer than the head, an empty
/// or tiny encoded body, a record cut off by the end of the file — is read inline instead.
extension WarcRecordReader {
    /// Payload bytes looked at before leaving a record in its file, growing while the HTTP header
    /// block has not ended: the first step holds nearly every response's head.
    static let referenceHeadBytes = [4 << 10, 64 << 10]

    /// Chunked or compressed bodies shorter than this are read inline: they may decode to nothing,
    /// which only reading can tell (an empty body is a skip, not a failure).
    static let smallestEncodedReference = 64

    enum ReferenceOutcome {
        case readInline
        case done(ScrapeItem?)
    }

    /// Judges the record whose header block (`headerLength` bytes) starts the window and, when it
    /// can stay in the file, seeks past its payload.
    func reference(
        file: String, type: String, fields: HeaderFields, headerLength: Int, length: Int,
        source: SourceLocation
    ) -> ReferenceOutcome {
        guard let size = input.seekableSize else { return .readInline }
        let payloadStart = input.position + UInt64(headerLength)
        let payloadEnd = payloadStart + UInt64(length)
        guard payloadEnd <= size else { return .readInline }
        var verdict = WarcPayloadConverter.Verdict.needsWholePayload
        for headBytes in Self.referenceHeadBytes {
            let headCount = min(length, headBytes)
            guard input.fill(atLeast: headerLength + headCount) == .ready else { return .readInline }
            let head = UnsafeRawBufferPointer(
                rebasing: input.window[headerLength..<(headerLength + headCount)])
            verdict = WarcPayloadConverter(context: context).plan(
                type: type, fields: fields, head: head, isWhole: headCount == length)
            if case .needsWholePayload = verdict { continue }
            break
        }
        var article: RawArticle?
        var isHTTP = false
        switch verdict {
        case .needsWholePayload:
            return .readInline
        case .accept(let url, let fetchedAt, let contentType, let http):
            let rawBody = length - (http?.bodyStart ?? 0)
            let encoded = http.map { $0.chunked || $0.contentEncoding != nil } ?? false
            guard let url, rawBody >= (encoded ? Self.smallestEncodedReference : 1) else {
                return .readInline
            }
            isHTTP = http != nil
            article = RawArticle(
                url: url, body: [], contentType: contentType,
                charset: contentType.flatMap(ContentTypeValue.charset), fetchedAt: fetchedAt, source: source)
        case .skip, .failure:
            break
        }
        guard input.seek(to: payloadEnd) else { return .readInline }
        peekPastBlock(0)
        guard blockEndsAfter(0) else {
            // Content-Length is wrong: report it at this record and resynchronise just after its
            // header block, as reading the payload would have.
            _ = input.seek(to: payloadStart)
            resynchronising = true
            return .done(context.failure(source, "WARC record does not end where its Content-Length says"))
        }
        switch verdict {
        case .skip(let key):
            context.skip(key)
            return .done(nil)
        case .failure(let reason):
            return .done(context.failure(source, reason))
        default:
            guard let article else { return .readInline }
            let payload = StoredPayload(file: file, offset: payloadStart, length: length, isHTTP: isHTTP)
            return .done(.reference(ArticleReference(article: article, payload: payload)))
        }
    }
}
