/// Reads title, description, authors, published date, section and language from a page's markup:
/// `<meta>` (Open Graph, article:*, name=...), `<title>`, the first `<h1>`, `<time datetime>`,
/// JSON-LD `datePublished` and `<html lang>`.
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
        var firstHeading: String?
        var timeValue: String?
        var jsonLDDate: String?
        var itemDate: String?
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
                if meta[key] == nil { meta[key] = content }
            case .html:
                htmlLanguage =
                    htmlLanguage ?? document.attribute("lang", of: index)
                    ?? document.attribute("xml:lang", of: index)
            case .title where titleText == nil:
                titleText = document.rawText(of: index).collapsingWhitespace()
            case .h1 where firstHeading == nil:
                let text = document.rawText(of: index).collapsingWhitespace()
                if !text.isEmpty { firstHeading = text }
            case .time where timeValue == nil:
                timeValue = document.attribute("datetime", of: index)
            case .script where jsonLDDate == nil:
                if document.attribute("type", of: index)?.lowercased() == "application/ld+json" {
                    jsonLDDate = Self.jsonValue(of: "datePublished", in: document.rawText(of: index))
                }
            default:
                if itemDate == nil, document.attribute("itemprop", of: index) == "datePublished" {
                    itemDate =
                        document.attribute("datetime", of: index) ?? document.attribute("content", of: index)
                }
            }
        }
        article.title = meta["og:title"] ?? firstHeading ?? titleText.flatMap(Self.removingSiteName)
        article.description = meta["description"] ?? meta["og:description"] ?? meta["twitter:description"]
        article.authors = Self.splitAuthors(authors)
        article.section = meta["article:section"]
        let dates = [
            meta["article:published_time"], meta["og:article:published_time"], jsonLDDate, itemDate,
            timeValue,
        ]
        article.published = dates.lazy.compactMap { $0.flatMap(DateNormaliser.normalise) }.first
        article.language =
            [htmlLanguage, meta["og:locale"], meta["content-language"]].lazy
            .compactMap { $0.flatMap(Self.languageCode) }.first
    }

    /// "Headline | Site" → "Headline" when the part after the last separator is the shorter one.
    static func removingSiteName(_ title: String) -> String? {
        guard !title.isEmpty else { return nil }
        for separator in titleSeparators {
            guard let range = title.ranges(of: separator).last else { continue }
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

    /// Strips "By " and splits "A and B" / "A, B" into names, keeping their first-seen order.
    static func splitAuthors(_ values: [String]) -> [String] {
        var result: [String] = []
        for value in values {
            var text = value
            if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
            let names = text.split(separator: ",").flatMap { $0.split(separator: " and ") }
            for name in names.map({ String($0).trimmingASCIIWhitespace() })
            where !name.isEmpty && !result.contains(name) {
                result.append(name)
            }
        }
        return result
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
