/// What the whole text says about its own words, read once before names are looked for: the words
/// it writes in lower case somewhere (common words: "Benefits" opening a sentence is the noun of
/// "health benefits", not a surname), and the paragraphs that are title-case headings ("Install
/// Basic Outlets", "Physical Benefits"), where capitals are the heading's style, not a name's.
struct TextVocabulary {
    /// Lower-cased words the text writes in lower case at least once.
    private let lowercaseWords: Set<String>
    /// Lower-cased pairs of capitalised words written inside a sentence ("big machine"): a name the
    /// text writes as one, also where it opens a sentence ("Big Machine said …").
    private let namePairs: Set<String>
    /// Paragraph index → whether the paragraph is a heading in title case.
    private let headings: [Bool]

    /// Longest paragraph, in words, still read as a heading.
    private static let headingWords = 14

    init(tokens: [EnrichToken]) {
        var words = Set<String>()
        words.reserveCapacity(tokens.count / 2)
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
        var pairs: [(pair: String, paragraph: Int)] = []
        for (k, token) in tokens.enumerated() {
            if k > 0, token.isCapitalised, token.isWord, tokens[k - 1].isCapitalised, tokens[k - 1].isWord,
                !Self.opensClause(tokens, k - 1)
            {
                pairs.append((tokens[k - 1].lower + " " + token.lower, token.paragraph))
            }
            if token.paragraph != paragraph {
                close()
                paragraph = token.paragraph
                (total, content, capitalised) = (0, 0, 0)
            }
            endsWithStop = token.text == "."
            guard token.isWord else { continue }
            total += 1
            if !token.isCapitalised, !token.hasDigit { words.insert(token.lower) }
            // Content words decide: in "Tips for the Home", "for" and "the" say nothing.
            guard token.text.count >= 4, !token.is(.functionWord), !token.hasDigit else { continue }
            content += 1
            if token.isCapitalised { capitalised += 1 }
        }
        close()
        self.lowercaseWords = words
        self.headings = headings
        // A heading's capitals are its style: its pairs are no evidence.
        self.namePairs = Set(pairs.lazy.filter { !headings[$0.paragraph] }.map(\.pair))
    }

    /// Whether the text writes the words at `k` and `k + 1` as a name inside a sentence.
    func isNamePair(_ tokens: [EnrichToken], _ k: Int) -> Bool {
        k + 1 < tokens.count && namePairs.contains(tokens[k].lower + " " + tokens[k + 1].lower)
    }

    /// Whether the text writes `token`'s word in lower case somewhere.
    func isCommon(_ token: EnrichToken) -> Bool {
        lowercaseWords.contains(token.lower)
    }

    /// Whether the word at `k` opens a clause, where any word is capitalised: a sentence, a
    /// paragraph, or what follows a colon, a dash or a list number ("Title Tags: Use …", "2. Conduct").
    static func opensClause(_ tokens: [EnrichToken], _ k: Int) -> Bool {
        if tokens[k].startsSentence || k == 0 || tokens[k - 1].paragraph != tokens[k].paragraph {
            return true
        }
        let before = tokens[k - 1].text
        if [":", "-", "–", "—", "•", "|"].contains(before) { return true }
        return before == "." && k >= 2 && tokens[k - 2].kind == .number
    }

    /// Whether `token` stands in a title-case heading.
    func inHeading(_ token: EnrichToken) -> Bool {
        token.paragraph < headings.count && headings[token.paragraph]
    }
}
