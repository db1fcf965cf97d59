import ArticlePipeline

/// Opens one input: picks the decoder (by magic bytes, else by name), then the format (by name,
/// else by sniffing the decoded start), and builds the format reader.
struct ScrapeInputOpener {
    /// What opening produced: items to hand out first (failures met while sniffing), then a reader.
    struct Opened {
        var items: [ScrapeItem] = []
        var reader: (any ScrapeFormatReader)?
    }

    /// Bytes decoded before deciding the format from content.
    static let sniffBytes = 4096

    let context: ScrapeReadContext

    /// Opens the bytes of `chunks`; `format` forces a format (files found in folders).
    func open(_ chunks: InputChunkReader, format forced: ScrapeInputFormat? = nil) -> Opened {
        let path = chunks.path
        let named = ScrapeInputFormat.classify(name: path == "-" ? "" : path)
        let compression = ScrapeInputFormat.compression(magic: chunks.peek(4)) ?? named.compression
        let decoder: any ScrapeStreamDecoder
        switch compression {
        case .gzip?: decoder = GzipMemberDecoder(input: chunks)
        case .zstd?: decoder = ZstdStreamDecoder(input: chunks)
        case nil: decoder = PassthroughStreamDecoder(input: chunks)
        }
        let input = DecodedInputBuffer(decoder: decoder)
        var opened = Opened()
        sniffing: while true {
            switch input.fill(atLeast: Self.sniffBytes) {
            case .ready, .end:
                break sniffing
            case let broken where input.available > 0:
                // Good bytes came before the break: read them first, report the break after.
                input.deferBreak(broken)
                break sniffing
            case .damaged(let offset, let reason):
                opened.items.append(context.failure(SourceLocation(path: path, offset: offset), reason))
            case .discontinuity:
                continue
            }
        }
        guard input.available > 0 else {
            if opened.items.isEmpty {
                opened.items.append(context.failure(SourceLocation(path: path), "empty file"))
            }
            return opened
        }
        let isIndex = context.settings.cdx.indexes.contains(path)
        guard
            let format = forced ?? named.format ?? ScrapeInputFormat.sniff(input.window)
                ?? (isIndex ? .jsonLines : nil)
        else {
            let reason = "unrecognised binary data (not WARC, JSON Lines, HTML or text)"
            opened.items.append(context.failure(SourceLocation(path: path), reason))
            return opened
        }
        context.logger.debug("opened input", metadata: ["path": "\(path)", "format": "\(format)"])
        if context.settings.cdx.indexes.contains(path) {
            opened.reader = CdxSelectionReader(
                input: input, path: path, context: context, selection: context.settings.cdx)
            return opened
        }
        if format == .warc, compression == .gzip, opened.items.isEmpty, context.settings.handsOutReferences,
            chunks.seek(to: 0),
            let reader = GzipWarcReferenceReader(chunks: chunks, path: path, context: context)
        {
            opened.reader = reader
            return opened
        }
        switch format {
        case .warc:
            opened.reader = WarcRecordReader(input: input, path: path, context: context)
        case .jsonLines:
            opened.reader = JSONLinesRecordReader(input: input, path: path, context: context)
        case .document(let contentType):
            opened.reader = SingleDocumentReader(
                input: input, path: path, contentType: contentType, context: context)
        }
        return opened
    }
}
