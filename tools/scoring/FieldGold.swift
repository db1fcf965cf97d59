/// One page of the field gold set (`Tests/ArticlePipelineTests/Gold/fields.jsonl`): the values read
/// off the page by hand. `page` is the file name of the page in the benchmark's `html/` folder.
public struct FieldGold: Sendable, Decodable, Equatable {
    public var page: String
    public var title: String
    /// `YYYY-MM-DD`, or nil when the page shows no date.
    public var published: String?
    public var authors: [String]
    public var language: String

    public init(page: String, title: String, published: String?, authors: [String], language: String) {
        self.page = page
        self.title = title
        self.published = published
        self.authors = authors
        self.language = language
    }
}
