/// A word, number or punctuation mark of the article text, with its place in it.
///
/// Offsets count Unicode scalars of the record's `text` (paragraphs joined by a blank line), the way
/// Python and most JSON tooling index strings.
struct EnrichToken: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    /// The surface form; a possessive `’s` is cut off and noted in `isPossessive`.
    var text: String
    var lower: String
    var start: Int
    var end: Int
    var kind: Kind
    var isCapitalised: Bool
    var isAllCaps: Bool
    var isPossessive: Bool
    /// True for the first token of a sentence (after any opening quotation mark).
    var startsSentence: Bool
    var paragraph: Int

    var isWord: Bool { kind == .word }
    /// The single scalar of a punctuation token.
    var mark: Unicode.Scalar { text.unicodeScalars.first ?? " " }
}

/// Cuts paragraphs into `EnrichToken`s in one pass over their scalars.
enum EnrichTokenizer {
    /// Short forms after which a full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "prof", "jr", "sr",
        "rev", "no", "vs", "mt", "ft", "capt", "cmdr", "adm", "maj", "supt", "insp", "det", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
    ]

    static func tokenize(_ paragraphs: [String]) -> (scalars: [Unicode.Scalar], tokens: [EnrichToken]) {
        var scalars: [Unicode.Scalar] = []
        var tokens: [EnrichToken] = []
        tokens.reserveCapacity(1024)
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { scalars.append(contentsOf: ["\n", "\n"]) }
            let begin = scalars.count
            scalars.append(contentsOf: paragraph.unicodeScalars)
            scan(scalars, from: begin, paragraph: index, into: &tokens)
        }
        return (scalars, tokens)
    }

    private static func scan(
        _ s: [Unicode.Scalar], from begin: Int, paragraph: Int, into tokens: inout [EnrichToken]
    ) {
        var i = begin
        var sentenceOpen = true
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            guard EnrichScalars.isWordScalar(c) else {
                tokens.append(punctuation(c, at: i, paragraph: paragraph, opensSentence: sentenceOpen))
                if c == "." || c == "!" || c == "?" {
                    sentenceOpen = endsSentence(tokens, scalars: s, after: i)
                }
                i += 1
                continue
            }
            var j = i + 1
            while j < s.count {
                if EnrichScalars.isWordScalar(s[j]) {
                    j += 1
                } else if EnrichScalars.isJoiner(s[j]), j + 1 < s.count, EnrichScalars.isWordScalar(s[j + 1])
                {
                    j += 2
                } else {
                    break
                }
            }
            // Initials and dotted abbreviations: "J.", "U.S.", "D.C.".
            if j - i == 1, j < s.count, s[j] == ".", s[i].properties.isUppercase {
                j += 1
                while j + 1 < s.count, s[j].properties.isUppercase, s[j + 1] == "." { j += 2 }
            }
            tokens.append(word(s, i, j, paragraph: paragraph, opensSentence: sentenceOpen))
            sentenceOpen = false
            i = j
        }
    }

    /// Whether the full stop (or `!`, `?`) at `index` ends a sentence.
    private static func endsSentence(
        _ tokens: [EnrichToken], scalars: [Unicode.Scalar], after index: Int
    )
        -> Bool
    {
        guard scalars[index] == ".", tokens.count >= 2 else { return true }
        let previous = tokens[tokens.count - 2]
        guard previous.end == index else { return true }
        if abbreviations.contains(previous.lower) { return false }
        return !(previous.isCapitalised && previous.text.count == 1)
    }

    private static func punctuation(
        _ c: Unicode.Scalar, at i: Int, paragraph: Int, opensSentence: Bool
    )
        -> EnrichToken
    {
        EnrichToken(
            text: String(c), lower: String(c), start: i, end: i + 1, kind: .punctuation,
            isCapitalised: false, isAllCaps: false, isPossessive: false, startsSentence: opensSentence,
            paragraph: paragraph)
    }

    private static func word(
        _ s: [Unicode.Scalar], _ i: Int, _ j: Int, paragraph: Int, opensSentence: Bool
    )
        -> EnrichToken
    {
        var end = j
        var possessive = false
        if end - i > 2, s[end - 1] == "s" || s[end - 1] == "S", s[end - 2] == "’" || s[end - 2] == "'" {
            end -= 2
            possessive = true
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: s[i..<end])
        let surface = String(text)
        var letters = 0
        var upper = 0
        var digits = 0
        for scalar in s[i..<end] {
            if scalar.properties.isAlphabetic {
                letters += 1
                if scalar.properties.isUppercase { upper += 1 }
            } else if scalar.properties.numericType != nil {
                digits += 1
            }
        }
        return EnrichToken(
            text: surface, lower: surface.lowercased(), start: i, end: j,
            kind: letters == 0 && digits > 0 ? .number : .word,
            isCapitalised: s[i].properties.isUppercase, isAllCaps: letters >= 2 && upper == letters,
            isPossessive: possessive,
            startsSentence: opensSentence && !s[i].properties.isLowercase, paragraph: paragraph)
    }
}
