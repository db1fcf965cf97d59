/// Gives each quotation its speaker from the words around it: a verb of saying ("said", "told",
/// "added", "according to", "was quoted … as saying") with a name or a pronoun as its subject. A
/// pronoun stands for the latest person seen saying something, else the nearest earlier person.
struct SpeakerAttributor {
    static let cues: Set<String> = [
        "said", "says", "say", "told", "tells", "added", "adds", "adding", "stated", "explained", "explains",
        "noted", "notes", "wrote", "writes", "asked", "asks", "replied", "argued", "argues", "insisted",
        "insists", "claimed", "claims", "warned", "warns", "recalled", "continued", "according", "quoted",
        "saying", "tweeted", "posted", "declared", "announced", "confirmed", "acknowledged", "admitted",
        "suggested", "urged", "remarked", "observed", "stressed", "emphasized", "emphasised", "testified",
        "conceded", "joked", "cautioned", "predicted", "promised", "vowed", "responded", "answered",
        "concluded", "described", "describes", "called", "calls", "thinks", "believes", "recounted",
        "reports", "reported", "assured", "assures", "reiterated", "maintained", "estimated", "alleged",
    ]
    private static let pronouns: Set<String> = ["he", "she", "it", "they"]
    /// Words that may stand between a subject and its verb: "Putin also said", "he has said".
    static let between: Set<String> = [
        "also", "later", "then", "again", "previously", "has", "had", "was", "is", "once", "further",
    ]
    /// "the company said": descriptions that stand for an organisation, not a person.
    private static let organizationNouns: Set<String> = [
        "company", "group", "firm", "agency", "ministry", "department", "office", "government", "club",
        "team",
        "police", "label", "statement", "authority", "authorities", "organisation", "organization", "union",
    ]
    /// How far from the verb a subject is looked for, in tokens.
    private let reach = 25

    struct Attribution: Sendable, Equatable {
        var speaker: String?
        var cue: String?
    }

    private let tokens: [EnrichToken]
    private let mentions: [EntityMention]
    /// Token index → index into `mentions`, for person and organisation mentions.
    private var personAt: [Int: Int] = [:]
    private var organizationAt: [Int: Int] = [:]
    /// Last token of a capitalised name the recogniser could not type → the name.
    private var untypedName: [Int: String] = [:]
    /// Token positions of people named first in their sentence: what a later "he" or "she" most
    /// likely refers to when nobody has been quoted since.
    private var subjects: [(position: Int, name: String)] = []
    /// (token index, canonical speaker) of every "NAME said" in the text and every attributed quote.
    private var events: [(position: Int, speaker: String)] = []

    /// `quotes` are those the attributor will be asked about: names inside them are not speakers'
    /// antecedents ("block her Netflix special" does not make Netflix the "they" of the next line).
    init(tokens: [EnrichToken], mentions: [EntityMention], quotes: [QuoteSpan]) {
        self.tokens = tokens
        self.mentions = mentions
        var quoted = [Bool](repeating: false, count: tokens.count)
        var q = 0
        for index in tokens.indices {
            while q < quotes.count, quotes[q].end <= tokens[index].start { q += 1 }
            if q < quotes.count, quotes[q].start <= tokens[index].start { quoted[index] = true }
        }
        var sentenceStart = 0
        var sentenceHasPerson = false
        var next = 0
        for mention in mentions where mention.type == nil && mention.wordCount <= 3 && !quoted[mention.first]
        {
            untypedName[mention.last] = mention.surface
        }
        for (index, mention) in mentions.enumerated() where mention.canonical != nil && !quoted[mention.first]
        {
            if mention.type == .organization {
                for token in mention.first...mention.last { organizationAt[token] = index }
            }
            guard mention.type == .person, let name = mention.canonical else { continue }
            for token in mention.first...mention.last { personAt[token] = index }
            while next <= mention.first {
                if tokens[next].startsSentence && tokens[next].isWord {
                    sentenceStart = next
                    sentenceHasPerson = false
                }
                next += 1
            }
            if !sentenceHasPerson, mention.first - sentenceStart <= 8 {
                subjects.append((mention.first, name))
            }
            sentenceHasPerson = true
        }
        for c in tokens.indices where tokens[c].is(.cue) {
            var k = c - 1
            while k >= 0, tokens[k].is(.betweenSubjectAndVerb) { k -= 1 }
            if k >= 0, let person = personAt[k], let name = mentions[person].canonical {
                events.append((c, name))
            }
        }
    }

    /// Speakers of `quotes`, in order (quotes must be sorted by position).
    mutating func attribute(_ quotes: [QuoteSpan]) -> [Attribution] {
        var result: [Attribution] = []
        for (index, quote) in quotes.enumerated() {
            let previous = index > 0 ? quotes[index - 1] : nil
            let nextStart = index + 1 < quotes.count ? quotes[index + 1].start : Int.max
            var attribution = attribute(quote, previous: previous, nextStart: nextStart)
            // A quote carried on from the previous paragraph, or a second quote in the same sentence,
            // has the speaker of the one before.
            if attribution.speaker == nil, let previous, let last = result.last,
                previous.continues || sameSentence(previous, quote)
                    || quoteStandsAlone(after: previous, quote)
            {
                attribution = last
            }
            if let speaker = attribution.speaker, let first = firstToken(atOrAfter: quote.start) {
                insertEvent(position: first, speaker: speaker)
            }
            result.append(attribution)
        }
        return result
    }

    private func attribute(_ quote: QuoteSpan, previous: QuoteSpan?, nextStart: Int) -> Attribution {
        guard let inside = firstToken(atOrAfter: quote.start) else { return .init() }
        let paragraph = tokens[inside].paragraph
        // After the quote: `,” Peskov said`, `,” said Peskov`, `,” he was quoted … as saying`.
        var after = inside
        while after < tokens.count, tokens[after].start < quote.end { after += 1 }
        if after < tokens.count, !EnrichScalars.isWordScalar(tokens[after].mark) { after += 1 }
        var afterEnd = after
        while afterEnd < tokens.count, afterEnd - after < 30, tokens[afterEnd].paragraph == paragraph,
            tokens[afterEnd].start < nextStart, !(afterEnd > after && tokens[afterEnd].startsSentence)
        {
            afterEnd += 1
        }
        if let tight = cues(in: after..<min(afterEnd, after + 4)).first,
            let speaker = subject(of: tight, window: after..<afterEnd)
        {
            return .init(speaker: speaker == Self.unnamed ? nil : speaker, cue: tokens[tight].lower)
        }
        // Before the quote, back to the sentence start or the previous quote.
        var before = inside
        while before > 0 {
            let candidate = before - 1
            if tokens[candidate].paragraph != paragraph { break }
            if let previous, tokens[candidate].end <= previous.end { break }
            before = candidate
            if tokens[candidate].startsSentence && tokens[candidate].isWord { break }
        }
        for cue in cues(in: before..<inside).reversed() {
            if let speaker = subject(of: cue, window: before..<inside) {
                return .init(speaker: speaker == Self.unnamed ? nil : speaker, cue: tokens[cue].lower)
            }
        }
        for cue in cues(in: after..<afterEnd) {
            if let speaker = subject(of: cue, window: after..<afterEnd) {
                return .init(speaker: speaker == Self.unnamed ? nil : speaker, cue: tokens[cue].lower)
            }
        }
        return .init()
    }

    /// `second` is a sentence of its own (nothing outside the marks) in the paragraph of `first` or
    /// the next one: `“…,” he said. “More.”` or a paragraph that is only a quote.
    private func quoteStandsAlone(after first: QuoteSpan, _ second: QuoteSpan) -> Bool {
        guard let from = firstToken(atOrAfter: first.start), let inside = firstToken(atOrAfter: second.start)
        else { return false }
        let paragraph = tokens[inside].paragraph
        guard paragraph - tokens[from].paragraph <= 1 else { return false }
        guard
            tokens[inside].startsSentence || inside == 0 || tokens[inside - 1].paragraph != paragraph
                || (inside >= 2 && tokens[inside - 2].paragraph != paragraph)
        else { return false }
        var k = inside
        while k < tokens.count, tokens[k].start < second.end { k += 1 }
        while k < tokens.count, tokens[k].paragraph == paragraph {
            if tokens[k].isWord { return tokens[k].startsSentence }
            k += 1
        }
        return true
    }

    private func sameSentence(_ first: QuoteSpan, _ second: QuoteSpan) -> Bool {
        guard let from = firstToken(atOrAfter: first.end), let to = firstToken(atOrAfter: second.start) else {
            return false
        }
        return (from..<to).allSatisfy {
            !tokens[$0].startsSentence && tokens[$0].paragraph == tokens[to].paragraph
        }
    }

    private func cues(in window: Range<Int>) -> [Int] {
        window.clamped(to: tokens.indices).filter { tokens[$0].is(.cue) }
    }

    /// The subject of the verb at `cue`: the nearest name or pronoun before it, else a name right after.
    private func subject(of cue: Int, window: Range<Int>) -> String? {
        var k = cue - 1
        while k >= window.lowerBound, tokens[k].is(.betweenSubjectAndVerb) { k -= 1 }
        // "Tottenham said": a capitalised name right before the verb, even one of unknown kind.
        if k >= window.lowerBound, personAt[k] == nil, organizationAt[k] == nil, let name = untypedName[k] {
            return name
        }
        // "one Weibo commenter said", "a spokesman told": someone the text does not name.
        if k >= window.lowerBound, tokens[k].isWord, !tokens[k].isCapitalised, personAt[k] == nil,
            (max(window.lowerBound, k - 2)..<k).contains(where: {
                Self.indefinites.contains(tokens[$0].lower)
            })
        {
            return Self.unnamed
        }
        k = cue - 1
        while k >= window.lowerBound, cue - k <= reach {
            // Possessives and objects of prepositions are not subjects: "Trump’s envoy said",
            // "was quoted by the BBC as saying".
            if !tokens[k].isPossessive, !isPrepositionObject(k), let found = speaker(at: k) { return found }
            k -= 1
        }
        // After the verb ("said Kremlin spokesman Dmitry Peskov"): a person first, else an organisation.
        let right = cue + 1..<max(cue + 1, min(window.upperBound, cue + 6))
        if let j = right.first(where: { personAt[$0] != nil || ["he", "she"].contains(tokens[$0].lower) }) {
            return speaker(at: j)
        }
        if let j = right.first(where: { organizationAt[$0] != nil }) { return speaker(at: j) }
        // "The 56-year-old said", "the minister told reporters": a description of someone named before.
        k = cue - 1
        while k >= window.lowerBound, tokens[k].is(.betweenSubjectAndVerb) { k -= 1 }
        guard k - 1 >= window.lowerBound, tokens[k].isWord, tokens[k - 1].lower == "the" else { return nil }
        if Self.organizationNouns.contains(tokens[k].lower) { return nearestOrganization(before: k) }
        return resolvePronoun(at: k, gender: nil)
    }

    /// Whether the name at `k` follows a preposition ("by the BBC", "to Moscow").
    private func isPrepositionObject(_ k: Int) -> Bool {
        let index = personAt[k] ?? organizationAt[k]
        guard let index else { return false }
        var before = mentions[index].first - 1
        if before >= 0, tokens[before].lower == "the" { before -= 1 }
        return before >= 0 && Self.prepositions.contains(tokens[before].lower)
    }

    /// Marks a speaker the text describes but does not name: attribution stops there, speaker nil.
    private static let unnamed = ""
    private static let indefinites: Set<String> = ["a", "an", "one", "another"]

    private static let prepositions: Set<String> = [
        "by", "to", "with", "from", "of", "for", "at", "in", "on", "about", "against", "between", "and",
    ]

    /// The person or organisation at token `k`, or whom the pronoun at `k` stands for.
    private func speaker(at k: Int) -> String? {
        if let person = personAt[k] { return mentions[person].canonical }
        if let organization = organizationAt[k] { return mentions[organization].canonical }
        switch tokens[k].lower {
        case "he": return resolvePronoun(at: k, gender: .male)
        case "she": return resolvePronoun(at: k, gender: .female)
        case "it", "they": return nearestOrganization(before: k)
        default: return nil
        }
    }

    /// The later of: the last speaker before `position`, the last person named first in a sentence;
    /// each only if the pronoun's gender fits (a given name tells it where the census data is clear).
    private func resolvePronoun(at position: Int, gender: Gazetteer.Gender?) -> String? {
        func fits(_ name: String) -> Bool {
            guard let gender, let first = name.split(separator: " ").first, name.contains(" ") else {
                return true
            }
            return Gazetteer.gender(ofGivenName: first.lowercased()).map { $0 == gender } ?? true
        }
        let event = events.last { $0.position < position && fits($0.speaker) }
        let subject = subjects.last { $0.position < position && fits($0.name) }
        switch (event, subject) {
        case (let event?, let subject?):
            return event.position >= subject.position ? event.speaker : subject.name
        case (let event?, nil): return event.speaker
        case (nil, let subject?): return subject.name
        case (nil, nil): return nil
        }
    }

    /// "it said", "they said in a statement": the organisation named last, within a few paragraphs.
    private func nearestOrganization(before position: Int) -> String? {
        var k = position - 1
        while k >= 0, position - k <= 150 {
            if let organization = organizationAt[k] { return mentions[organization].canonical }
            k -= 1
        }
        return nil
    }

    private mutating func insertEvent(position: Int, speaker: String) {
        let index = events.firstIndex { $0.position > position } ?? events.count
        events.insert((position, speaker), at: index)
    }

    private func firstToken(atOrAfter offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low < tokens.count ? low : nil
    }
}
