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
    /// The apostrophe of a possessive as written (`'` or `’`).
    var apostrophe: Unicode.Scalar = "'"
    var hasDigit = false
    var hasHyphen = false
    /// True for the first token of a sentence (after any opening quotation mark).
    var startsSentence: Bool
    var paragraph: Int
    /// The word lists this word is on (empty for punctuation and unlisted words).
    var info: WordInfo = .none
    /// The FNV-1a hash of `lower`'s UTF-8, and whether those bytes are all ASCII: what
    /// `TokenForms` and `KnownNames` look forms up by, computed by the tokenizer where the bytes
    /// are at hand (a token made elsewhere must set them too).
    var lowerHash: UInt64 = 0
    var lowerIsASCII = true

    var isWord: Bool { kind == .word }
    @inline(__always) func `is`(_ classes: WordInfo.Classes) -> Bool { info.classes.contains(classes) }
    /// The word as written, a possessive ending included ("Magistrate's").
    var writtenForm: String { isPossessive ? text + String(apostrophe) + "s" : text }
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
        var properties = ScalarProperties()
        scalars.reserveCapacity(paragraphs.reduce(2 * paragraphs.count) { $0 + $1.utf8.count })
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { scalars.append(contentsOf: ["\n", "\n"]) }
            let begin = scalars.count
            appendScalars(of: paragraph, to: &scalars)
            scan(scalars, from: begin, paragraph: index, into: &tokens, properties: &properties)
        }
        return (scalars, tokens)
    }

    /// Appends the scalars of `text`, decoded from its UTF-8 (valid, being a String's) in one pass:
    /// `append(contentsOf: text.unicodeScalars)` counts them first and then copies them.
    private static func appendScalars(of text: String, to scalars: inout [Unicode.Scalar]) {
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = UInt32(bytes[index])
                var value = lead
                var width = 1
                if lead >= 0xF0 {
                    value =
                        (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    width = 4
                } else if lead >= 0xE0 {
                    value =
                        (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    width = 3
                } else if lead >= 0x80 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    width = 2
                }
                // A valid UTF-8 sequence decodes to a valid scalar.
                scalars.append(Unicode.Scalar(value)!)
                index += width
            }
        }
    }

    private static func scan(
        _ s: [Unicode.Scalar], from begin: Int, paragraph: Int, into tokens: inout [EnrichToken],
        properties: inout ScalarProperties
    ) {
        var i = begin
        var sentenceOpen = true
        while i < s.count {
            let c = s[i]
            if properties.isSpace(c) {
                i += 1
                continue
            }
            guard properties.isWord(c) else {
                tokens.append(punctuation(c, at: i, paragraph: paragraph, opensSentence: sentenceOpen))
                if c == "." || c == "!" || c == "?" {
                    sentenceOpen = endsSentence(tokens, scalars: s, after: i)
                }
                i += 1
                continue
            }
            var j = i + 1
            while j < s.count {
                if properties.isWord(s[j]) {
                    j += 1
                } else if EnrichScalars.isJoiner(s[j]), j + 1 < s.count, properties.isWord(s[j + 1]) {
                    j += 2
                } else {
                    break
                }
            }
            // Initials and dotted abbreviations: "J.", "U.S.", "D.C.".
            if j - i == 1, j < s.count, s[j] == ".", properties.isUppercase(s[i]) {
                j += 1
                while j + 1 < s.count, properties.isUppercase(s[j]), s[j + 1] == "." { j += 2 }
            }
            tokens.append(
                word(s, i, j, paragraph: paragraph, opensSentence: sentenceOpen, properties: &properties))
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
        var token = EnrichToken(
            text: String(c), lower: String(c), start: i, end: i + 1, kind: .punctuation,
            isCapitalised: false, isAllCaps: false, isPossessive: false, startsSentence: opensSentence,
            paragraph: paragraph)
        var hash = StableID.offsetBasis
        UTF8.encode(c) { hash = StableID.step(hash, $0) }
        token.lowerHash = hash
        token.lowerIsASCII = c.isASCII
        return token
    }

    private static func word(
        _ s: [Unicode.Scalar], _ i: Int, _ j: Int, paragraph: Int, opensSentence: Bool,
        properties: inout ScalarProperties
    )
        -> EnrichToken
    {
        var end = j
        var possessive = false
        var apostrophe: Unicode.Scalar = "'"
        if end - i > 2, s[end - 1] == "s" || s[end - 1] == "S", s[end - 2] == "’" || s[end - 2] == "'" {
            apostrophe = s[end - 2]
            end -= 2
            possessive = true
        }
        var letters = 0
        var upper = 0
        var digits = 0
        var ascii = true
        for scalar in s[i..<end] {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                if ASCII.isLetter(byte) {
                    letters += 1
                    if byte < 0x61 { upper += 1 }
                } else if ASCII.isDigit(byte) {
                    digits += 1
                }
                continue
            }
            ascii = false
            let entry = properties.of(scalar)
            if entry.isAlphabetic {
                letters += 1
                if entry.isUppercase { upper += 1 }
            } else if entry.isNumeric {
                digits += 1
            }
        }
        let surface: String
        let lower: String
        if ascii {
            // The common case, without Unicode case tables or intermediate buffers.
            let count = end - i
            surface = String(unsafeUninitializedCapacity: count) { buffer in
                for offset in 0..<count { buffer[offset] = UInt8(s[i + offset].value) }
                return count
            }
            lower =
                upper == 0
                ? surface
                : String(unsafeUninitializedCapacity: count) { buffer in
                    for offset in 0..<count {
                        let byte = UInt8(s[i + offset].value)
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return count
                }
        } else {
            var utf8: [UInt8] = []
            utf8.reserveCapacity((end - i) * 3)
            for scalar in s[i..<end] { UTF8.encode(scalar) { utf8.append($0) } }
            surface = String(decoding: utf8, as: UTF8.self)
            lower = upper == 0 ? surface : surface.lowercased()
        }
        var token = EnrichToken(
            text: surface, lower: lower, start: i, end: j,
            kind: letters == 0 && digits > 0 ? .number : .word,
            isCapitalised: properties.isUppercase(s[i]), isAllCaps: letters >= 2 && upper == letters,
            isPossessive: possessive,
            startsSentence: opensSentence && !properties.isLowercase(s[i]), paragraph: paragraph)
        (token.info, token.lowerHash, token.lowerIsASCII) = WordInfo.lookup.lookUp(lower)
        token.hasDigit = digits > 0
        token.hasHyphen = s[i..<end].contains("-")
        token.apostrophe = apostrophe
        return token
    }
}
