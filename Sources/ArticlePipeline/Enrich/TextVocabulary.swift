/// What the whole text says about its own words, read once before names are looked for: the words
/// it writes in lower case somewhere (common words: "Benefits" opening a sentence is the noun of
/// "health benefits", not a surname), and the paragraphs that are title-case headings ("Install
/// Basic Outlets", "Physical Benefits"), where capitals are the heading's style, not a name's.
struct TextVocabulary {
    /// Token index → the number of its lower-cased form.
    private let forms: TokenForms
    /// Form number → whether the text writes the form in lower case at least once.
    private let lowercaseForms: [Bool]
    /// Pairs of capitalised words written inside a sentence ("big machine"), as their two form
    /// numbers: a name the text writes as one, also where it opens a sentence ("Big Machine said …").
    private let namePairs: Set<Int64>
    /// Paragraph index → whether the paragraph is a heading in title case.
    private let headings: [Bool]

    /// Longest paragraph, in words, still read as a heading.
    private static let headingWords = 14

    /// `forms` numbers the forms of the text's tokens; `tokens` is the text's tokens, or none for a
    /// text whose names are not read (then nothing is common and no paragraph a heading).
    init(tokens: [EnrichToken], forms: TokenForms) {
        var lowercaseForms = [Bool](repeating: false, count: forms.count)
        var headings: [Bool] = []
        var paragraph = -1
        var total = 0
        var content = 0
        var capitalised = 0
        var endsWithStop = false
        func close() {
            guard paragraph >= 0 else { return }
            while headings.count <= paragraph { headings.append(false) }
            // A heading has no full stop at its end.
            headings[paragraph] =
                !endsWithStop && total <= Self.headingWords && content >= 2 && capitalised * 5 >= content * 4
        }
        var pairs: [(pair: Int64, paragraph: Int)] = []
        // By index, reading fields in place: a copy of each token would retain its strings.
        for k in tokens.indices {
            if k > 0, tokens[k].isCapitalised, tokens[k].isWord, tokens[k - 1].isCapitalised,
                tokens[k - 1].isWord, !Self.opensClause(tokens, k - 1)
            {
                pairs.append((Self.pairKey(forms.ids[k - 1], forms.ids[k]), tokens[k].paragraph))
            }
            if tokens[k].paragraph != paragraph {
                close()
                paragraph = tokens[k].paragraph
                (total, content, capitalised) = (0, 0, 0)
            }
            endsWithStop = tokens[k].kind == .punctuation && tokens[k].lower == "."
            guard tokens[k].isWord else { continue }
            total += 1
            if !tokens[k].isCapitalised, !tokens[k].hasDigit { lowercaseForms[Int(forms.ids[k])] = true }
            // Content words decide: in "Tips for the Home", "for" and "the" say nothing.
            guard !tokens[k].is(.functionWord), !tokens[k].hasDigit, Self.hasFourCharacters(tokens[k].text)
            else {
                continue
            }
            content += 1
            if tokens[k].isCapitalised { capitalised += 1 }
        }
        close()
        self.forms = forms
        self.lowercaseForms = lowercaseForms
        self.headings = headings
        // A heading's capitals are its style: its pairs are no evidence.
        self.namePairs = Set(pairs.lazy.filter { !headings[$0.paragraph] }.map(\.pair))
    }

    /// Whether the text writes the words at `k` and `k + 1` as a name inside a sentence.
    func isNamePair(at k: Int) -> Bool {
        k + 1 < forms.ids.count && namePairs.contains(Self.pairKey(forms.ids[k], forms.ids[k + 1]))
    }

    /// Whether the text writes the word of the token at `k` in lower case somewhere.
    func isCommon(at k: Int) -> Bool {
        lowercaseForms[Int(forms.ids[k])]
    }

    /// Whether the word at `k` opens a clause, where any word is capitalised: a sentence, a
    /// paragraph, or what follows a colon, a dash or a list number ("Title Tags: Use …", "2. Conduct").
    static func opensClause(_ tokens: [EnrichToken], _ k: Int) -> Bool {
        if tokens[k].startsSentence || k == 0 || tokens[k - 1].paragraph != tokens[k].paragraph {
            return true
        }
        // Marks are punctuation tokens of one scalar; no word or number is written as one.
        let before = tokens[k - 1]
        guard before.kind == .punctuation else { return false }
        switch before.mark {
        case ":", "-", "–", "—", "•", "|": return true
        case ".": return k >= 2 && tokens[k - 2].kind == .number
        default: return false
        }
    }

    /// Whether `token` stands in a title-case heading.
    func inHeading(_ token: EnrichToken) -> Bool {
        token.paragraph < headings.count && headings[token.paragraph]
    }

    private static func pairKey(_ first: Int32, _ second: Int32) -> Int64 {
        Int64(first) << 32 | Int64(second)
    }

    /// `text.count >= 4`, without counting characters where the text is ASCII (no carriage return,
    /// so one character per byte).
    private static func hasFourCharacters(_ text: String) -> Bool {
        let utf8 = text.utf8
        if utf8.count < 4 { return false }
        if utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return true }
        return text.count >= 4
    }
}
