/// One page of the quote/entity gold set (`Tests/ArticlePipelineTests/Gold/quotes-entities.jsonl`):
/// its quotes with speakers and the people, organisations and locations it is about.
public struct QuoteEntityGold: Sendable, Decodable, Equatable {
    /// A quotation and who said it (nil when the page does not say).
    public struct Quote: Sendable, Decodable, Equatable {
        public var text: String
        public var speaker: String?

        public init(text: String, speaker: String?) {
            self.text = text
            self.speaker = speaker
        }
    }

    public var page: String
    public var quotes: [Quote]
    public var person: [String]
    public var organization: [String]
    public var location: [String]

    public init(
        page: String, quotes: [Quote], person: [String], organization: [String], location: [String]
    ) {
        self.page = page
        self.quotes = quotes
        self.person = person
        self.organization = organization
        self.location = location
    }
}
