/// Reads the page's JSON-LD blocks (top level, arrays and `@graph`): the headline, the publication
/// and update dates, and the people and organisations named as `author`. The first value of each
/// field is kept.
struct JSONLDCollector {
    let document: HTMLDocument
    private(set) var headline: String?
    /// `datePublished`, else `dateCreated`, of an object that is a dated piece of writing.
    private(set) var published: String?
    private(set) var modified: String?
    /// `datePublished` of a plain `WebPage` object: the publication date on a page that is a piece of
    /// writing (publishing systems put the dates on the page node), a record date elsewhere.
    private(set) var pagePublished: String?
    private(set) var people: [String] = []
    private(set) var organisations: [String] = []

    init(document: HTMLDocument) { self.document = document }

    /// Reads element `index` when it is a JSON-LD script.
    mutating func read(_ index: Int) {
        guard document.nodes[index].tag == .script,
            document.attribute("type", of: index)?.lowercased() == "application/ld+json"
        else { return }
        let text = document.rawText(of: index)
        guard let value = HTMLMetadataExtractor.JSONParser.parse(text) else {
            // Broken JSON (a stray comma, an unescaped quote) still often holds a plain date.
            published = published ?? HTMLMetadataExtractor.jsonValue(of: "datePublished", in: text)
            return
        }
        for object in HTMLMetadataExtractor.jsonLDObjects(value) { read(object) }
    }

    private mutating func read(_ object: HTMLMetadataExtractor.JSONValue) {
        if headline == nil, let text = object["headline"]?.string?.collapsingWhitespace(), !text.isEmpty {
            headline = text
        }
        if modified == nil, let date = object["dateModified"]?.string { modified = date }
        for key in ["datePublished", "dateCreated"]
        where published == nil && !HTMLMetadataExtractor.isUndatedPage(object) {
            if let date = object[key]?.string, HTMLMetadataExtractor.plausibleDate(date) != nil {
                published = date
            }
        }
        if pagePublished == nil, object["@type"]?.string?.lowercased() == "webpage",
            let date = object["datePublished"]?.string, HTMLMetadataExtractor.plausibleDate(date) != nil
        {
            pagePublished = date
        }
        if people.isEmpty, let author = object["author"] {
            people = HTMLMetadataExtractor.jsonLDPeople(author)
            if organisations.isEmpty { organisations = HTMLMetadataExtractor.jsonLDOrganisations(author) }
        }
    }
}
