/// The output record: one JSON object per line in the shards. Field names are the snake_case
/// names of DESIGN.md ("The record"); a field that could not be found is nil and is omitted.
public struct ArticleRecord: Sendable, Codable, Equatable {
    public var id: String
    public var url: String?
    public var domain: String?
    public var source: String
    public var fetchedAt: String?
    public var format: String
    public var language: String?
    /// `article`, `forum`, `product`, `collection`, `listing`, `documentation` or `service`
    /// (see `PageTypeClassifier`); nil for text scrapes.
    public var pageType: String?
    public var title: String?
    public var section: String?
    public var authors: [String]
    public var published: String?
    /// When the page says it was last updated or modified (ISO 8601), kept apart from `published`.
    public var modified: String?
    public var description: String?
    public var text: String
    public var paragraphs: Int
    public var wordCount: Int
    public var readingMinutes: Int
    public var images: [Image]
    public var quotes: [Quote]
    public var entities: [Entity]
    public var temporal: [TemporalExpression]
    public var keywords: [String]
    public var simhash: String?
    public var warnings: [String]
    public var pipeline: String

    /// An image of the article with what the page says about it.
    public struct Image: Sendable, Codable, Equatable {
        public var caption: String?
        public var credit: String?
        public var src: String?
        public init(caption: String? = nil, credit: String? = nil, src: String? = nil) {
            self.caption = caption
            self.credit = credit
            self.src = src
        }
    }

    /// A quotation with its speaker (canonical name) when attributed; offsets are in `text` characters.
    public struct Quote: Sendable, Codable, Equatable {
        public var text: String
        public var speaker: String?
        public var cue: String?
        public var start: Int
        public var end: Int
        public init(text: String, speaker: String?, cue: String?, start: Int, end: Int) {
            self.text = text
            self.speaker = speaker
            self.cue = cue
            self.start = start
            self.end = end
        }
    }

    /// A named entity with its canonical name, type (`person`, `organization`, `location`) and aliases.
    public struct Entity: Sendable, Codable, Equatable {
        public var name: String
        public var type: String
        public var mentions: Int
        public var aliases: [String]
        public init(name: String, type: String, mentions: Int, aliases: [String]) {
            self.name = name
            self.type = type
            self.mentions = mentions
            self.aliases = aliases
        }
    }

    /// A temporal expression: `kind` is `date`, `weekday`, `duration` or `relative`.
    public struct TemporalExpression: Sendable, Codable, Equatable {
        public var text: String
        public var kind: String
        public var value: String?
        public init(text: String, kind: String, value: String? = nil) {
            self.text = text
            self.kind = kind
            self.value = value
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, url, domain, source
        case fetchedAt = "fetched_at"
        case format, language
        case pageType = "page_type"
        case title, section, authors, published, modified, description, text, paragraphs
        case wordCount = "word_count"
        case readingMinutes = "reading_minutes"
        case images, quotes, entities, temporal, keywords, simhash, warnings, pipeline
    }

    public init(id: String, source: String, format: String, pipeline: String) {
        self.id = id
        self.source = source
        self.format = format
        self.pipeline = pipeline
        self.authors = []
        self.text = ""
        self.paragraphs = 0
        self.wordCount = 0
        self.readingMinutes = 0
        self.images = []
        self.quotes = []
        self.entities = []
        self.temporal = []
        self.keywords = []
        self.warnings = []
    }
}
