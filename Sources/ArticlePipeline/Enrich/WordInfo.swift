/// What the enrichment stages know about a lower-cased word, looked up once per token so that the
/// stages test bits instead of hashing the word again in every word list.
struct WordInfo: Sendable, Equatable {
    /// The word lists a word belongs to.
    struct Classes: OptionSet, Sendable, Equatable {
        let rawValue: UInt32
        static let nonName = Classes(rawValue: 1 << 0)
        static let demonym = Classes(rawValue: 1 << 1)
        static let personTitle = Classes(rawValue: 1 << 2)
        static let organizationKeyword = Classes(rawValue: 1 << 3)
        static let calendar = Classes(rawValue: 1 << 4)
        static let speechVerb = Classes(rawValue: 1 << 5)
        static let cue = Classes(rawValue: 1 << 6)
        static let betweenSubjectAndVerb = Classes(rawValue: 1 << 7)
        static let temporalTrigger = Classes(rawValue: 1 << 8)
        static let functionWord = Classes(rawValue: 1 << 9)
        static let eventKeyword = Classes(rawValue: 1 << 10)
        static let placeKeyword = Classes(rawValue: 1 << 11)
        /// A title that may be written capitalised before a name ("Home Secretary Ann Lee"), unlike
        /// a job or a kinship word, which names nobody's title when capitalised ("Star Wars").
        static let honorific = Classes(rawValue: 1 << 12)
        static let contestVerb = Classes(rawValue: 1 << 13)
        /// A place of the gazetteer or a known organisation (entries of `KnownNames.table` only; no
        /// token's info has it).
        static let knownName = Classes(rawValue: 1 << 14)
    }

    var classes: Classes = []
    /// Bit `i` set: a function word of `LanguageProfiles.latin[i]`.
    var latinLanguages: UInt32 = 0
    /// Bit `i` set: a function word of `LanguageProfiles.cyrillic[i]`.
    var cyrillicLanguages: UInt32 = 0

    static let none = WordInfo()

    /// `table` for lookups by the tokenizer.
    static let lookup = WordInfoTable(table)

    /// Every listed word → its info; built once per process from the lists of the stages.
    static let table: [String: WordInfo] = {
        var table: [String: WordInfo] = [:]
        func mark(_ words: some Sequence<String>, _ classes: Classes) {
            for word in words { table[word, default: WordInfo()].classes.insert(classes) }
        }
        mark(EntityLexicon.nonNameWords, .nonName)
        mark(EntityLexicon.demonyms, .demonym)
        mark(EntityLexicon.personTitles.union(["prime"]), .personTitle)
        mark(
            EntityLexicon.personTitles.subtracting(EntityLexicon.lowercaseOnlyTitles).union(["prime"]),
            .honorific)
        mark(EntityLexicon.organizationKeywords, .organizationKeyword)
        mark(EntityLexicon.contestVerbs, .contestVerb)
        mark(EntityLexicon.eventKeywords, .eventKeyword)
        mark(EntityLexicon.placeKeywords, .placeKeyword)
        mark(EntityRecognizer.calendarWords, .calendar)
        mark(EntityRecognizer.speechVerbs, .speechVerb)
        mark(SpeakerAttributor.cues, .cue)
        mark(SpeakerAttributor.between, .betweenSubjectAndVerb)
        mark(TemporalExtractor.triggers, .temporalTrigger)
        mark(KeywordExtractor.extraStopWords, .functionWord)
        for (index, profile) in LanguageProfiles.latin.enumerated() {
            for word in profile.words.split(separator: " ").map(String.init) {
                table[word, default: WordInfo()].latinLanguages |= 1 << index
                table[word, default: WordInfo()].classes.insert(.functionWord)
            }
        }
        for (index, profile) in LanguageProfiles.cyrillic.enumerated() {
            for word in profile.words.split(separator: " ").map(String.init) {
                table[word, default: WordInfo()].cyrillicLanguages |= 1 << index
                table[word, default: WordInfo()].classes.insert(.functionWord)
            }
        }
        return table
    }()
}
