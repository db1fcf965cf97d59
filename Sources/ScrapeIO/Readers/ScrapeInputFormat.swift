/// The formats readers understand, and how an input's format is told from its name or first bytes.
enum ScrapeInputFormat: Equatable {
    case warc
    case jsonLines
    /// One article per input; `contentType` is `text/html` or `text/plain`.
    case document(contentType: String)

    /// Compression schemes undone before parsing.
    enum Compression: Equatable {
        case gzip
        case zstd
    }

    /// The compression and format a file name announces, e.g. `a.warc.gz` → (gzip, warc).
    static func classify(name: String) -> (compression: Compression?, format: ScrapeInputFormat?) {
        var parts = name.lowercased().split(separator: "/").last.map { $0.split(separator: ".") } ?? []
        guard parts.count >= 2 else { return (nil, nil) }
        var compression: Compression?
        switch parts.last {
        case "gz", "gzip": compression = .gzip
        case "zst", "zstd": compression = .zstd
        default: break
        }
        if compression != nil { parts.removeLast() }
        guard parts.count >= 2 else { return (compression, nil) }
        switch parts.last {
        case "warc": return (compression, .warc)
        case "jsonl", "ndjson", "json": return (compression, .jsonLines)
        case "html", "htm", "xhtml": return (compression, .document(contentType: "text/html"))
        case "txt": return (compression, .document(contentType: "text/plain"))
        default: return (compression, nil)
        }
    }

    /// The compression announced by the first stored bytes (gzip or zstd magic), if any.
    static func compression(magic bytes: UnsafeRawBufferPointer) -> Compression? {
        if bytes.starts(with: [0x1f, 0x8b]) { return .gzip }
        if bytes.starts(with: [0x28, 0xb5, 0x2f, 0xfd]) { return .zstd }
        return nil
    }

    /// The format of decoded bytes by their start: `WARC/` → WARC, `{` → JSON Lines, other text → a
    /// document (HTML when it starts with `<`); nil for binary data (NUL or many control bytes).
    static func sniff(_ bytes: UnsafeRawBufferPointer) -> ScrapeInputFormat? {
        var start = bytes.starts(with: [0xef, 0xbb, 0xbf]) ? 3 : 0
        while start < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[start]) { start += 1 }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start...])
        if text.starts(with: "WARC/".utf8) { return .warc }
        if text.starts(with: "{".utf8) { return .jsonLines }
        let sample = text.prefix(4096)
        let control = sample.filter { $0 < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].contains($0) }
        if sample.contains(0) || control.count * 10 > sample.count { return nil }
        return .document(contentType: text.starts(with: "<".utf8) ? "text/html" : "text/plain")
    }
}
