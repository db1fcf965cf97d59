import ArticlePipeline

/// Reference mode for WARC.gz files written the usual way, one gzip member per record: decodes
/// only the start of each member (the WARC header and the HTTP head) and hands the member's byte
/// range out as a reference, so the payload is inflated once, by whoever processes the article.
///
/// Where a member ends is not written anywhere before its end, so the reader finds the next member
/// instead: a gzip header (1f 8b 08) whose preceding four bytes, the trailer's ISIZE, equal the
/// decoded size this record's WARC header announces, and whose first decoded bytes are `WARC/`.
/// Anything else — a damaged member, several records in one member, a record split across
/// members — and the members from there are read as a stream by `WarcRecordReader`, exactly as
/// without references, until that reader rests between two members again; references resume there.
final class GzipWarcReferenceReader: ScrapeFormatReader {
    /// Decoded bytes looked at per member, growing while the HTTP head has not ended.
    static let headOutputBytes = [2 << 10, 64 << 10]
    /// Stored bytes read per step while looking for the next member (and at most for a head).
    static let scanBytes = 64 << 10
    /// Bytes a separator after a record's block may take (CR LF CR LF, sometimes more or fewer).
    static let separatorSlack: UInt32 = 8

    private let chunks: InputChunkReader
    private let path: String
    private let file: String
    private let context: ScrapeReadContext
    private let size: UInt64
    /// The stored offset of the next member.
    private var start: UInt64
    /// Where reading stops: the end of the file, or the record member where a split's range ends.
    private let limit: UInt64
    /// Set while members are read as a stream (until it rests between two members again).
    private var stream: WarcRecordReader?
    private let stored: StoredByteWindow
    private let inflater = GzipHeadInflater()
    private let memberInflater = WholeGzipMemberInflater()

    /// A reader of the members of `chunks` (a regular file) from `from` on, stopping at `stopAt`
    /// (or the end); `file` is the absolute path references name (by default, `path` resolved).
    init?(
        chunks: InputChunkReader, path: String, context: ScrapeReadContext, file: String? = nil,
        from: UInt64 = 0, stopAt: UInt64? = nil
    ) {
        guard let size = chunks.regularFileSize else { return nil }
        self.chunks = chunks
        self.path = path
        self.file = file ?? AbsolutePath.resolve(path)
        self.context = context
        self.size = size
        start = from
        limit = min(size, stopAt ?? size)
        stored = StoredByteWindow(chunks: chunks, fileSize: size)
    }

    private enum Step {
        case item(ScrapeItem)
        case skipped
        case readAsStream(String)
    }

    func next() -> ScrapeItem? {
        while true {
            if let stream {
                guard let item = stream.next() else { return nil }
                if let boundary = stream.restingMemberBoundary {
                    // Back between two members with nothing in hand: references resume there.
                    self.stream = nil
                    start = boundary
                    context.logger.debug(
                        "references resume", metadata: ["path": "\(path)", "offset": "\(boundary)"])
                }
                return item
            }
            guard start < limit else { return nil }
            switch step() {
            case .item(let item): return item
            case .skipped: continue
            case .readAsStream(let reason): startStreaming(reason)
            }
        }
    }

    /// Reads from `start` as a stream until the stream reader rests between two members again.
    private func startStreaming(_ reason: String) {
        context.logger.debug(
            "reading members as a stream",
            metadata: ["path": "\(path)", "from": "\(start)", "reason": "\(reason)"])
        guard chunks.seek(to: start) else {
            start = size
            return
        }
        let input = DecodedInputBuffer(decoder: GzipMemberDecoder(input: chunks))
        stream = WarcRecordReader(input: input, path: path, context: context)
    }

    /// Judges the member at `start` and moves past it; or says why the rest must be streamed.
    private func step() -> Step {
        let source = SourceLocation(path: path, offset: start)
        var verdict = WarcPayloadConverter.Verdict.needsWholePayload
        var record: WarcRecordHead?
        var consumed = 0
        for outputBytes in Self.headOutputBytes {
            guard let head = decodeHead(at: start, maxOutput: outputBytes) else {
                return .readAsStream("bad member")
            }
            guard let parsed = head.output.withUnsafeBytes({ WarcRecordHead(of: $0) }) else {
                return .readAsStream("no WARC header")
            }
            record = parsed
            consumed = head.consumed
            let payloadEnd = parsed.length + parsed.contentLength
            if head.ended {
                // The whole member is decoded: one record and its separator, or stream it.
                return wholeRecord(
                    parsed, in: head.output, source: source, next: start + UInt64(head.consumed))
            }
            guard parsed.type == "response" || parsed.type == "resource" else { break }
            guard parsed.contentLength <= context.settings.maxRecordBytes else {
                return .readAsStream("large record")
            }
            let available = min(head.output.count, payloadEnd)
            verdict = head.output.withUnsafeBytes { bytes in
                WarcPayloadConverter(context: context).plan(
                    type: parsed.type, fields: parsed.fields,
                    head: UnsafeRawBufferPointer(rebasing: bytes[parsed.length..<available]),
                    isWhole: available == payloadEnd)
            }
            if case .needsWholePayload = verdict { continue }
            break
        }
        guard let record else { return .readAsStream("no WARC header") }
        let decodedSize = UInt64(record.length + record.contentLength)
        guard let end = memberEnd(after: start + UInt64(consumed), decodedSize: decodedSize) else {
            return .readAsStream("member end not found")
        }
        let memberStart = start
        switch verdict {
        case _ where record.type != "response" && record.type != "resource":
            start = end
            context.skip(record.type.isEmpty ? "missing WARC-Type" : record.type)
            return .skipped
        case .skip(let key):
            start = end
            context.skip(key)
            return .skipped
        case .failure(let reason):
            start = end
            return .item(context.failure(source, reason))
        case .accept(let url, let fetchedAt, let contentType, let http):
            let rawBody = record.contentLength - (http?.bodyStart ?? 0)
            let encoded = http.map { $0.chunked || $0.contentEncoding != nil } ?? false
            guard let url, rawBody >= (encoded ? WarcRecordReader.smallestEncodedReference : 1) else {
                return wholeMember(from: memberStart, to: end, source: source)
            }
            start = end
            let article = RawArticle(
                url: url, body: [], contentType: contentType,
                charset: contentType.flatMap(ContentTypeValue.charset), fetchedAt: fetchedAt, source: source)
            let payload = StoredPayload(
                file: file, offset: memberStart, length: Int(end - memberStart), isHTTP: http != nil,
                isGzipMember: true)
            return .item(.reference(ArticleReference(article: article, payload: payload)))
        case .needsWholePayload:
            return wholeMember(from: memberStart, to: end, source: source)
        }
    }

    /// Decodes the member `[from, to)` here and converts its record, for the records a reference
    /// cannot stand for (no URL, a long HTTP head, a tiny encoded body).
    private func wholeMember(from: UInt64, to end: UInt64, source: SourceLocation) -> Step {
        let length = Int(end - from)
        let maxDecoded = context.settings.maxRecordBytes + ArticleReferenceLoader.headerAllowance
        guard length <= maxDecoded else { return .readAsStream("member size") }
        var member = [UInt8](repeating: 0, count: length)
        guard member.withUnsafeMutableBytes({ chunks.readStored(at: from, into: $0) }) == length,
            case .success(let decoded) = member.withUnsafeBytes({
                memberInflater.decodeExactMember($0, maxOutput: maxDecoded)
            }),
            let record = decoded.withUnsafeBytes({ WarcRecordHead(of: $0) })
        else { return .readAsStream("member does not decode whole") }
        return wholeRecord(record, in: decoded, source: source, next: end)
    }

    /// A record whose member was decoded whole: judged and converted as the stream reader would
    /// (and reading moves on to `next`), or streamed when the member holds more than one record.
    private func wholeRecord(
        _ record: WarcRecordHead, in decoded: [UInt8], source: SourceLocation, next: UInt64
    ) -> Step {
        guard let block = decoded.withUnsafeBytes({ record.block(in: $0) }) else {
            return .readAsStream("not one record per member")
        }
        start = next
        guard record.type == "response" || record.type == "resource" else {
            context.skip(record.type.isEmpty ? "missing WARC-Type" : record.type)
            return .skipped
        }
        return decoded.withUnsafeBytes { bytes in
            guard
                let item = WarcPayloadConverter(context: context).item(
                    type: record.type, fields: record.fields,
                    payload: UnsafeRawBufferPointer(rebasing: bytes[block]),
                    source: source)
            else { return .skipped }
            return .item(item)
        }
    }

    /// The first `maxOutput` decoded bytes of the member at `offset`, reading no more stored bytes
    /// than it takes (a quarter of the output first: news HTML compresses three- to five-fold).
    private func decodeHead(at offset: UInt64, maxOutput: Int) -> GzipHeadInflater.Head? {
        var wanted = max(4 << 10, maxOutput / 4)
        while true {
            let asked = min(wanted, stored.capacity)
            let (head, count) = stored.withBytes(at: offset, length: asked) { bytes in
                (inflater.head(of: bytes, maxOutput: maxOutput), bytes.count)
            }
            guard count > 0, let head else { return nil }
            let starved = !head.ended && head.output.count < maxOutput && head.consumed == count
            if !starved || count < asked || asked == stored.capacity { return head }
            wanted = asked * 4
        }
    }

    /// Where the member that started before `from` ends: the next member that decodes to the start
    /// of a WARC record, if the ISIZE before it fits `decodedSize`; else the end of the file, if its
    /// last four bytes do. Nil when neither fits.
    private func memberEnd(after from: UInt64, decodedSize: UInt64) -> UInt64? {
        let limit = from + UInt64(context.settings.maxRecordBytes) + UInt64(Self.scanBytes)
        var position = from
        while position < size, position < limit {
            // Candidates first (the window must not move while its bytes are looked at), then
            // each one checked.
            let (candidates, count) = stored.withBytes(at: position, length: Self.scanBytes) { bytes in
                (MemberHeaderScanner.gzipHeaders(in: bytes, base: position), bytes.count)
            }
            guard count > 0 else { return nil }
            for candidate in candidates where isRecordStart(candidate) {
                // The next record starts here: this member must end here too, or the file does
                // not keep one record per member.
                return fits(before: candidate, decodedSize) ? candidate : nil
            }
            // Candidates straddling the window's edge are looked at again in the next window.
            position += UInt64(max(1, count - 16))
            if count < Self.scanBytes { break }
        }
        return fits(before: size, decodedSize) ? size : nil
    }

    /// Whether the four bytes before `offset` (a member's ISIZE) match a record of `decodedSize`
    /// bytes plus its separator.
    private func fits(before offset: UInt64, _ decodedSize: UInt64) -> Bool {
        guard offset >= 8 else { return false }
        let isize: UInt32? = stored.withBytes(at: offset - 4, length: 4) { trailer in
            guard trailer.count == 4 else { return nil }
            return UInt32(trailer[0]) | UInt32(trailer[1]) << 8 | UInt32(trailer[2]) << 16 | UInt32(
                trailer[3]) << 24
        }
        guard let isize else { return false }
        return isize &- UInt32(truncatingIfNeeded: decodedSize) <= Self.separatorSlack
    }

    /// Whether a gzip member at `offset` decodes to the start of a WARC record.
    private func isRecordStart(_ offset: UInt64) -> Bool {
        let head = stored.withBytes(at: offset, length: 4 << 10) { inflater.head(of: $0, maxOutput: 8) }
        return head?.output.starts(with: "WARC/".utf8) ?? false
    }
}
