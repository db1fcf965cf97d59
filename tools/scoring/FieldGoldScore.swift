import ArticlePipeline

/// Scores records against the field gold set: title exact after whitespace normalisation, published
/// on the same day, language code, and authors as a set of normalised names.
public struct FieldGoldScore: Sendable, Equatable {
    public var title = PageTally()
    public var published = PageTally()
    public var language = PageTally()
    public var authors = PageTally()

    public init() {}

    /// The tallies by field name, in report order.
    public var fields: [(name: String, tally: PageTally)] {
        [("title", title), ("published", published), ("language", language), ("authors", authors)]
    }

    /// Counts one page; returns a line per field it got wrong ("published: got … expected …").
    @discardableResult
    public mutating func add(_ record: ArticleRecord, gold: FieldGold) -> [String] {
        var misses: [String] = []
        func check(_ field: String, _ isRight: Bool, _ got: String, _ expected: String) -> Bool {
            if !isRight { misses.append("\(field): got \(got), expected \(expected)") }
            return isRight
        }
        let titleRight = record.title.map(GoldMatching.collapse) == GoldMatching.collapse(gold.title)
        title.count(check("title", titleRight, record.title ?? "nil", gold.title))
        let day = record.published.map { String($0.prefix(10)) }
        published.count(
            check("published", day == gold.published, record.published ?? "nil", gold.published ?? "nil"))
        language.count(
            check("language", record.language == gold.language, record.language ?? "nil", gold.language))
        let authorsRight =
            Set(record.authors.map(GoldMatching.nameKey)) == Set(gold.authors.map(GoldMatching.nameKey))
        authors.count(check("authors", authorsRight, "\(record.authors)", "\(gold.authors)"))
        return misses
    }
}
