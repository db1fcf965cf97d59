/// The three entity kinds of the record.
enum EntityType: String, Sendable {
    case person, organization, location
}

/// A capitalised name in the text: its tokens, what it was taken for, and (after resolution) the
/// canonical name of the entity it refers to.
struct EntityMention: Sendable {
    /// First and last token of the name itself (titles excluded), inclusive.
    var first: Int
    var last: Int
    var surface: String
    /// The name as written with a title before it ("President Putin"), when there was one.
    var titledSurface: String?
    var type: EntityType?
    var canonical: String?
    var wordCount: Int
    /// The name acts as an organisation would ("Pellow co-founder Marta Lind", "the Pellow founder",
    /// "Pellow said in a statement"): an organisation, unless it turns out to be a person's surname.
    var affiliation = false
}
