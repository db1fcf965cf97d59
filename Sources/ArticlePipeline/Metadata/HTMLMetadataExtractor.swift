/// Reads title, description, authors, published date, section and language from a page's markup:
/// `<meta>` (Open Graph, article:*, name=...), `<title>`, a headline-like first `<h1>`, JSON-LD
/// (`author`, `datePublished`/`dateCreated`, `@graph`), microdata, visible bylines and dates, `<time
/// datetime>` and `<html lang>`.
struct HTMLMetadataExtractor {
    /// Separators between a headline and the site name in `<title>`.
    static let titleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "]

    let document: HTMLDocument

    /// Fills the metadata fields of `article` (not paragraphs or images).
    func extract(into article: inout ExtractedArticle) {
        var meta: [String: String] = [:]
        var authors: [String] = []
        var htmlLanguage: String?
        var titleText: String?
        var headingNode: Int?
        var timeValue: String?
        var jsonLDDate: String?
        var itemDate: String?
        var metaDate: String?
        var headings: [TitleChoice.Heading] = []
        var jsonLDHeadline: String?
        var canonical: String?
        var jsonLDAuthors: [String] = []
        var jsonLDOrganisations: [String] = []
        var itemAuthor: String?
        var relAuthor: String?
        var bylineCandidates: [Int] = []
        var visibleDate: String?
        var jsonLDModified: String?
        var itemModified: String?
        var timeModified: String?
        for index in document.nodes.indices where document.nodes[index].kind == .element {
            switch document.nodes[index].tag {
            case .meta:
                let key =
                    (document.attribute("property", of: index) ?? document.attribute("name", of: index)
                    ?? document.attribute("itemprop", of: index)
                    ?? document.attribute("http-equiv", of: index))?.lowercased()
                guard let key, let content = document.attribute("content", of: index)?.collapsingWhitespace(),
                    !content.isEmpty
                else { continue }
                if key == "author" || key == "article:author" || key == "dc.creator" {
                    if !content.lowercased().hasPrefix("http") { authors.append(content) }
                }
                if key == "datepublished" { itemDate = itemDate ?? content }
                if metaDate == nil, Self.isDateKey(key) { metaDate = content }
                if meta[key] == nil { meta[key] = content }
            case .html:
                htmlLanguage =
                    htmlLanguage ?? document.attribute("lang", of: index)
                    ?? document.attribute("xml:lang", of: index)
            case .title where titleText == nil:
                titleText = document.rawText(of: index).collapsingWhitespace()
            case .h1 where headings.count < Self.headingLimit:
                let text = headingText(of: index)
                if !text.isEmpty {
                    let marks = [
                        document.attribute("itemprop", of: index), document.attribute("class", of: index),
                    ].compactMap { $0?.lowercased() }.joined(separator: " ")
                    let marked =
                        (marks.contains("headline") || marks.contains("title"))
                        && !marks.contains("site") && !marks.contains("logo")
                    headings.append(TitleChoice.Heading(text: text, marked: marked, node: index))
                    if headingNode == nil { headingNode = index }
                }
            case .link where canonical == nil:
                if document.attribute("rel", of: index)?.lowercased() == "canonical" {
                    canonical = document.attribute("href", of: index)
                }
            case .time:
                // A <time> after an update label is the last update, not the publication.
                let value = document.attribute("datetime", of: index)
                guard timeValue == nil || timeModified == nil else { break }
                if let text = firstText(in: index) ?? (index > 0 ? index - 1 : nil), isAfterUpdateLabel(text)
                {
                    timeModified = timeModified ?? value
                } else if timeValue == nil {
                    timeValue = value
                }
            case .script:
                guard document.attribute("type", of: index)?.lowercased() == "application/ld+json" else {
                    break
                }
                let text = document.rawText(of: index)
                guard let value = JSONParser.parse(text) else {
                    jsonLDDate = jsonLDDate ?? Self.jsonValue(of: "datePublished", in: text)
                    break
                }
                for object in Self.jsonLDObjects(value) {
                    if jsonLDHeadline == nil,
                        let headline = object["headline"]?.string?.collapsingWhitespace(),
                        !headline.isEmpty
                    {
                        jsonLDHeadline = headline
                    }
                    if jsonLDModified == nil, let date = object["dateModified"]?.string {
                        jsonLDModified = date
                    }
                    for key in ["datePublished", "dateCreated"]
                    where jsonLDDate == nil && !Self.isUndatedPage(object) {
                        if let date = object[key]?.string, Self.plausibleDate(date) != nil {
                            jsonLDDate = date
                        }
                    }
                    if jsonLDAuthors.isEmpty, let author = object["author"] {
                        jsonLDAuthors = Self.jsonLDPeople(author)
                        if jsonLDOrganisations.isEmpty {
                            jsonLDOrganisations = Self.jsonLDOrganisations(author)
                        }
                    }
                }
            default:
                break
            }
            let itemprop = document.attribute("itemprop", of: index)?.lowercased().split(separator: " ") ?? []
            if itemDate == nil, itemprop.contains("datepublished") {
                itemDate =
                    document.attribute("datetime", of: index) ?? document.attribute("content", of: index)
                    ?? document.rawText(of: index).collapsingWhitespace()
            }
            if itemModified == nil, itemprop.contains("datemodified") {
                itemModified =
                    document.attribute("datetime", of: index) ?? document.attribute("content", of: index)
            }
            if itemAuthor == nil, itemprop.contains("author") {
                let name = itemName(index)
                if !name.isEmpty { itemAuthor = name }
            }
            if relAuthor == nil, document.attribute("rel", of: index)?.lowercased() == "author" {
                let name = document.rawText(of: index).collapsingWhitespace()
                if !name.isEmpty { relAuthor = name }
            }
            if let classes = document.attribute("class", of: index) {
                if Self.isBylineClass(classes) { bylineCandidates.append(index) }
                if visibleDate == nil, Self.isPublishedClass(classes) {
                    let text = document.rawText(of: index).collapsingWhitespace()
                    if Self.plausibleDate(text) != nil { visibleDate = text }
                }
            }
        }
        let titleChoice = TitleChoice(
            openGraphTitle: meta["og:title"] ?? meta["twitter:title"], jsonLDHeadline: jsonLDHeadline,
            documentTitle: titleText, headings: headings,
            siteNames: [meta["og:site_name"], meta["application-name"]].compactMap { $0 },
            host: (canonical ?? meta["og:url"]).flatMap(Self.host(of:)))
        let (title, headline) = titleChoice.chooseWithHeading()
        article.title = title
        // The date line and byline follow the headline chosen, else the first heading.
        if let node = headline?.node { headingNode = node }
        article.description = meta["description"] ?? meta["og:description"] ?? meta["twitter:description"]
        article.authors = self.authors(
            from: AuthorEvidence(
                declared: authors, jsonLDPeople: jsonLDAuthors, jsonLDOrganisations: jsonLDOrganisations,
                itemAuthor: itemAuthor, relAuthor: relAuthor, bylineElements: bylineCandidates,
                siteKeys: titleChoice.siteKeys(), heading: headingNode))
        article.section = meta["article:section"]
        let dates = [
            meta["article:published_time"], meta["og:article:published_time"], jsonLDDate, itemDate,
            metaDate, timeValue, visibleDate,
        ]
        let order = DateNormaliser.NumericOrder(language: htmlLanguage ?? meta["og:locale"])
        article.published =
            dates.lazy.compactMap { $0.flatMap { Self.plausibleDate($0, order: order) } }.first
            ?? labelledDate(order: order) ?? headingNode.flatMap { dateAfterHeading($0, order: order) }
        let modified = Self.modifiedKeys.map { meta[$0] } + [jsonLDModified, itemModified, timeModified]
        article.modified =
            modified.lazy.compactMap { $0.flatMap { Self.plausibleDate($0, order: order) } }.first
            ?? labelledModified(order: order)
        // A page whose date line under the headline shows only an update ("Updated on July 9,
        // 2025") has no other date: that line stands for its publication too.
        if article.published == nil, let heading = headingNode {
            article.published = labelledModified(order: order, in: heading..<heading + 400)
        }
        article.language =
            [htmlLanguage, meta["og:locale"], meta["content-language"]].lazy
            .compactMap { $0.flatMap(Self.languageCode) }.first
    }

    /// Meta names that carry a publication date: "date", "dc.date", "pubdate", "...-post-date".
    static func isDateKey(_ key: String) -> Bool {
        key == "date" || key == "dc.date" || key == "dc.date.issued" || key == "pubdate"
            || (key.hasSuffix("date") && (key.contains("pub") || key.contains("post")))
    }

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
    static func isPublishedClass(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { ASCII.contains($0, "publish") }
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
