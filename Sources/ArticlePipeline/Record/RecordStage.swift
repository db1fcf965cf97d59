/// Stage 7 (record): assembles the record from the raw article, what decoding learnt and what extraction found.
struct RecordStage {
    /// Input: the earlier outputs. Output: the record.
    func record(
        raw: RawArticle, decoded: DecodedDocument, extracted: ExtractedArticle,
        enrichment: Enrichment = .init()
    ) -> ArticleRecord {
        var record = ArticleRecord(
            id: raw.id, source: raw.source.description, format: decoded.format.rawValue,
            pipeline: Pipeline.version)
        record.url = raw.url
        record.domain = raw.url.flatMap(Self.domain)
        record.fetchedAt = raw.fetchedAt
        record.language = enrichment.language
        record.pageType = extracted.pageType
        record.title = extracted.title
        record.section = extracted.section
        record.authors = extracted.authors
        record.published = extracted.published
        record.modified = extracted.modified
        record.description = extracted.description
        record.text = extracted.paragraphs.joined(separator: "\n\n")
        record.paragraphs = extracted.paragraphs.count
        let fingerprint = TextStatistics.fingerprint(record.text)
        record.wordCount = fingerprint.words
        record.readingMinutes = TextStatistics.readingMinutes(words: fingerprint.words)
        record.simhash = fingerprint.simhash.map(StableID.hex)
        record.images = extracted.images
        record.quotes = enrichment.quotes
        record.entities = enrichment.entities
        record.temporal = enrichment.temporal
        record.keywords = enrichment.keywords
        record.warnings = decoded.warnings + extracted.warnings + enrichment.warnings
        return record
    }

    /// The lower-cased host of an absolute URL, without `www.`; nil when there is none.
    static func domain(of url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        var host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            host = host[...close]
        } else if let colon = host.firstIndex(of: ":") {
            host = host[..<colon]
        }
        var result = host.lowercased()
        if result.hasPrefix("www.") { result.removeFirst(4) }
        if result.hasSuffix(".") { result.removeLast() }
        return result.isEmpty ? nil : result
    }
}
