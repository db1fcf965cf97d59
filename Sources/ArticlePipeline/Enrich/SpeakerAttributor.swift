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
        "concluded", "described", "describes", "called", "calls", "thinks", "believes", "added:", "recounted",
    ]
    private static let pronouns: Set<String> = ["he", "she"]
    /// Words that may stand between a subject and its verb: "Putin also said", "he has said".
    private static let between: Set<String> = [
        "also", "later", "then", "again", "previously", "has", "had", "was", "is", "once", "further",
    ]
    /// How far from the verb a subject is looked for, in tokens.
    private let reach = 10

    struct Attribution: Sendable, Equatable {
        var speaker: String?
        var cue: String?
    }

    private let tokens: [EnrichToken]
    private let mentions: [EntityMention]
    /// Token index → index into `mentions`, for person mentions.
    private var personAt: [Int: Int] = [:]
    /// (token index, canonical speaker) of every "NAME said" in the text and every attributed quote.
    private var events: [(position: Int, speaker: String)] = []

    init(tokens: [EnrichToken], mentions: [EntityMention]) {
        self.tokens = tokens
        self.mentions = mentions
        for (index, mention) in mentions.enumerated()
        where mention.type == .person && mention.canonical != nil {
            for token in mention.first...mention.last { personAt[token] = index }
        }
        for c in tokens.indices where Self.cues.contains(tokens[c].lower) {
            var k = c - 1
            while k >= 0, Self.between.contains(tokens[k].lower) { k -= 1 }
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
        while afterEnd < tokens.count, afterEnd - after < 14, tokens[afterEnd].paragraph == paragraph,
            tokens[afterEnd].start < nextStart, !(afterEnd > after && tokens[afterEnd].startsSentence)
        {
            afterEnd += 1
        }
        if let tight = cues(in: after..<min(afterEnd, after + 4)).first,
            let speaker = subject(of: tight, window: after..<afterEnd)
        {
            return .init(speaker: speaker, cue: tokens[tight].lower)
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
                return .init(speaker: speaker, cue: tokens[cue].lower)
            }
        }
        for cue in cues(in: after..<afterEnd) {
            if let speaker = subject(of: cue, window: after..<afterEnd) {
                return .init(speaker: speaker, cue: tokens[cue].lower)
            }
        }
        return .init()
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
        window.clamped(to: tokens.indices).filter { Self.cues.contains(tokens[$0].lower) }
    }

    /// The subject of the verb at `cue`: the nearest name or pronoun before it, else a name right after.
    private func subject(of cue: Int, window: Range<Int>) -> String? {
        var k = cue - 1
        while k >= window.lowerBound, cue - k <= reach {
            if let person = personAt[k] { return mentions[person].canonical }
            if Self.pronouns.contains(tokens[k].lower) { return resolvePronoun(at: k) }
            k -= 1
        }
        var j = cue + 1
        while j < min(window.upperBound, cue + 6) {
            if let person = personAt[j] { return mentions[person].canonical }
            if Self.pronouns.contains(tokens[j].lower) { return resolvePronoun(at: j) }
            j += 1
        }
        return nil
    }

    /// The latest speaker before `position` whom the pronoun fits, else the nearest such person
    /// mentioned before it. A given name tells the gender where the census data is clear.
    private func resolvePronoun(at position: Int) -> String? {
        let wanted: Gazetteer.Gender = tokens[position].lower == "she" ? .female : .male
        func fits(_ name: String) -> Bool {
            guard let first = name.split(separator: " ").first, name.contains(" ") else { return true }
            return Gazetteer.gender(ofGivenName: first.lowercased()).map { $0 == wanted } ?? true
        }
        if let event = events.last(where: { $0.position < position && fits($0.speaker) }) {
            return event.speaker
        }
        var k = position - 1
        while k >= 0 {
            if let person = personAt[k], let name = mentions[person].canonical, fits(name) { return name }
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
