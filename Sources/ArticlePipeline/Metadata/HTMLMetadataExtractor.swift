/// Reads title, description, authors, published and modified dates, section and language from a
/// page's markup. One collector per source gathers candidates (`MetaTagCollector`: `<meta>`,
/// `<title>`, canonical link, `<html lang>`; `JSONLDCollector`; `MicrodataCollector`;
/// `VisibleMetadataCollector`: headings, `<time>`, bylines), and `choose` (in
/// `HTMLMetadataExtractor+Choice.swift`) decides among them.
struct HTMLMetadataExtractor {
    /// Separators between a headline and the site name in `<title>`.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

    let document: HTMLDocument

    /// Fills the metadata fields of `article` (not paragraphs or images): each source's collector
    /// reads the elements in one pass, then `choose` weighs their candidates.
    func extract(into article: inout ExtractedArticle) {
        var metaTags = MetaTagCollector(document: document)
        var jsonLD = JSONLDCollector(document: document)
        var microdata = MicrodataCollector(document: document)
        var visible = VisibleMetadataCollector(document: document)
        for index in document.nodes.indices where document.nodes[index].kind == .element {
            guard metaTags.read(index) else { continue }
            jsonLD.read(index)
            microdata.read(index)
            visible.read(index)
        }
        choose(metaTags: metaTags, jsonLD: jsonLD, microdata: microdata, visible: visible, into: &article)
    }

    /// Meta names that carry a publication date: "date", "dc.date", "pubdate", "published",
    /// "...-post-date", `citation_publication_date`.
    static func isDateKey(_ key: String) -> Bool {
        key == "date" || key == "dc.date" || key == "dc.date.issued" || key == "pubdate" || key == "published"
            || publicationDateKeys.contains(key)
            || (key.hasSuffix("date") && (key.contains("pub") || key.contains("post")))
    }

    /// Meta names of a publication date from scholarly and Dublin Core vocabularies (the Highwire
    /// `citation_*` tags of papers and preprints, `dcterms.issued`).
    private static let publicationDateKeys: Set<String> = [
        "citation_date", "citation_online_date", "citation_publication_date", "dcterms.issued",
    ]

    /// The normalised date when it parses and its year is not a placeholder ("0001-01-01").
    static func plausibleDate(_ value: String, order: DateNormaliser.NumericOrder = .dayFirst) -> String? {
        var text = value
        // An ASCII test of the first bytes: lower-casing the whole text cost more than the rest.
        let labelled = text.withUTF8 { $0.count >= 9 && ASCII.contains($0.prefix(9), "published") }
        if labelled { text = String(text.dropFirst(9)) }
        guard let date = DateNormaliser.normalise(text, order: order), let year = Int(date.prefix(4)),
            year >= 1990
        else {
            return nil
        }
        return date
    }

    /// Whether a class attribute marks a visible publication date ("publish-date", "entry-published").
    static func isPublishedClass(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ASCII.contains(bytes, "publish")
    }

    /// "Headline | Site" → "Headline" when the part after the last separator is the shorter one.
    static func removingSiteName(_ title: String) -> String? {
        guard !title.isEmpty else { return nil }
        for separator in titleSeparators {
            guard let range = title.lastRange(of: separator) else { continue }
            let head = String(title[..<range.lowerBound])
            let tail = title[range.upperBound...]
            if !head.isEmpty, tail.count < head.count { return head }
        }
        return title
    }

    /// "en-US", "en_GB", "EN" → "en"; nil unless it starts with a two-letter code.
    static func languageCode(_ value: String) -> String? {
        let code = value.trimmingASCIIWhitespace().lowercased().split(whereSeparator: {
            $0 == "-" || $0 == "_"
        }).first
        guard let code, code.count == 2, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return String(code)
    }

    /// Strips "By " and splits "A and B" / "A, B" into names, keeping their first-seen order
    /// (see `AuthorNames.split`).
    static func splitAuthors(_ values: [String]) -> [String] {
        AuthorNames.split(values)
    }

    /// The string value of `"key": "value"` in JSON text, found by a plain scan (no JSON parse).
    static func jsonValue(of key: String, in json: String) -> String? {
        guard let keyRange = json.firstRange(of: "\"\(key)\"") else { return nil }
        var rest = json[keyRange.upperBound...].drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
