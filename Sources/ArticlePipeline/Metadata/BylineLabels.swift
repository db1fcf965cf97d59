/// Phrases that introduce an author's name in visible text, lower-cased, by language: "Posted by
/// Jane Doe", "Publicado por: Clarissa Borba - Categoria: …", "Autor: Jan Kowalski". Only phrases
/// that name the writer: a bare "by" also credits photos and sources.
enum BylineLabels {
    static let labels = [
        // English
        "posted by", "written by", "published by", "story by", "words by", "author:", "contributors:",
        "contributor:",
        // Forums: the first post's writer
        "thread starter", "started by", "original poster",
        // German, French, Spanish, Portuguese, Italian
        "geschrieben von", "verfasst von", "autor:", "autorin:", "publié par", "écrit par", "rédigé par",
        "auteur :", "auteur:", "publicado por", "escrito por", "texto:", "pubblicato da", "scritto da",
        "autore:",
        // Dutch, Polish, Russian, Ukrainian, Czech
        "geschreven door", "geplaatst door", "gepubliceerd door", "opublikował", "opublikowała", "автор:",
        "autor článku:",
    ]

    static let matcher = PhraseMatcher(labels)

    /// Labels that stand alone in an element, the name in the next one ("Written by", "Article by").
    /// Not a bare "Author(s)", which also heads lists of a site's writers.
    private static let aloneLabels: Set<String> = [
        "written by", "article by", "words by", "posted by", "story by", "verfasst von", "geschrieben von",
        "escrito por", "publicado por", "écrit par", "scritto da",
    ]

    /// The first bytes of `aloneLabels`.
    private static let aloneFirstBytes = Set(aloneLabels.compactMap(\.utf8.first))

    /// False when the raw bytes of a text cannot be a label alone once collapsed: more ASCII letters
    /// than `isLabelAlone` allows bytes, or a first visible ASCII byte no such label starts with. A
    /// test on bytes, before a String is made for each short text of the page.
    static func mayBeLabelAlone(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first(where: { !ASCII.isWhitespace($0) && $0 != 0x0B }) else { return false }
        guard first >= 0x80 || aloneFirstBytes.contains(ASCII.lowercased(first)) else { return false }
        var letters = 0
        for byte in bytes where ASCII.isLetter(byte) {
            letters += 1
            if letters > maxAloneBytes { return false }
        }
        return true
    }

    private static let maxAloneBytes = 20

    /// Whether `text` is only a byline label, with or without a colon.
    static func isLabelAlone(_ text: String) -> Bool {
        guard text.utf8.count <= maxAloneBytes else { return false }
        var lower = text.lowercased()
        while lower.last == ":" || lower.last == " " { lower.removeLast() }
        return aloneLabels.contains(lower)
    }

    /// The names after the first label in `text` ("Publicado por: A - Categoria: …" → ["A"]), up to
    /// a separator; nil when there is no label or what follows does not read as names. A label
    /// repeated right after itself (an icon's title, then a copy for screen readers: "Thread starter
    /// Thread starter felixen") is still the label.
    static func names(in text: String) -> [String]? {
        var bytes = Array(text.utf8)
        guard let label = matcher.firstMatch(in: bytes) else { return nil }
        bytes.removeSubrange(0..<label.upperBound)
        while true {
            let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != UInt8(ascii: ":") }) ?? bytes.endIndex
            guard let again = matcher.firstMatch(in: bytes[start...]), again.lowerBound == start else {
                break
            }
            bytes.removeSubrange(0..<again.upperBound)
        }
        return namesAfterLabel(String(decoding: bytes, as: UTF8.self))
    }

    /// The names at the start of the text after a label, up to a separator; one account name
    /// ("paulb203") counts when it is all there is.
    static func namesAfterLabel(_ text: String) -> [String]? {
        var rest = String(text.drop(while: { $0 == ":" || $0 == " " }))
        for separator in [" - ", " – ", " — ", " | ", " · ", " • ", " / "] {
            if let range = rest.firstByteRange(of: separator) { rest = String(rest[..<range.lowerBound]) }
        }
        return HTMLMetadataExtractor.bylineNames(rest) ?? HTMLMetadataExtractor.accountName(rest).map { [$0] }
    }
}
