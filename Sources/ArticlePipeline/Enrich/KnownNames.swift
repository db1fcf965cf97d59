/// Whether some words name a place of the gazetteer or a known organisation, asked of token spans
/// many times per article: a byte table of both lists' keys answers ASCII spans from the words'
/// bytes, without joining them into a `String` and hashing it for two `Dictionary` look-ups.
enum KnownNames {
    /// Every key of `Gazetteer.places` and `EntityLexicon.knownOrganizations`; nil (always ask the
    /// dictionaries) if a key holds a scalar equal to an ASCII one under canonical equivalence (the
    /// Kelvin sign, the Greek question mark or varia), which bytes alone would miss.
    static let table: WordInfoTable? = {
        var keys: [String: WordInfo] = [:]
        let entry = WordInfo(classes: .knownName)
        for key in Gazetteer.places.keys { keys[key] = entry }
        for key in EntityLexicon.knownOrganizations.keys { keys[key] = entry }
        let special: [Unicode.Scalar] = ["\u{212A}", "\u{037E}", "\u{1FEF}"]
        for key in keys.keys where key.utf8.contains(where: { $0 >= 0x80 }) {
            if key.unicodeScalars.contains(where: special.contains) { return nil }
        }
        return WordInfoTable(keys)
    }()

    /// Whether the lower-cased words `first...last`, joined by spaces, name a known place or
    /// organisation.
    static func contains(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if let info = table?.info(words: tokens[first...last]) { return info.classes.contains(.knownName) }
        let name = tokens[first...last].map(\.lower).joined(separator: " ")
        return Gazetteer.place(name) != nil || EntityLexicon.knownOrganizations[name] != nil
    }
}
