/// Finds names of people, organisations and places from capitalisation, the words around them
/// ("President", "spokesperson", "oblast of", "said") and the gazetteer; aliases are merged by
/// `EntityResolver`.
struct EntityRecognizer {
    /// Verbs of saying after or before a name that make a two- or three-word name a person.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "explained", "noted",
        "stated", "argued", "claimed", "warned", "recalled", "insisted", "tweeted", "announced",
        "confirmed", "replied", "according",
    ]

    /// Words that join capitalised words into one name ("Ludwig van Beethoven").
    private static let particles: Set<String> = [
        "de", "da", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "di", "du", "dos", "das",
    ]

    /// Capitalised words that are dates, not names.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Every name found in `tokens`, in text order, typed where the evidence allows.
    func mentions(in tokens: [EnrichToken]) -> [EntityMention] {
        var result: [EntityMention] = []
        var i = 0
        while i < tokens.count {
            guard startsName(tokens[i]) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < tokens.count, !tokens[j].isPossessive, continuesName(tokens, after: j, from: i) {
                j += 1
            }
            split(tokens, i, j, into: &result)
            i = j + 1
        }
        return result
    }

    private func startsName(_ token: EnrichToken) -> Bool {
        token.isWord && token.isCapitalised && !token.is(.calendar)
    }

    private func continuesName(_ tokens: [EnrichToken], after j: Int, from i: Int) -> Bool {
        let next = tokens[j + 1]
        guard !next.startsSentence, next.start - tokens[j].end <= 1 else { return false }
        if startsName(next) { return true }
        guard j + 2 < tokens.count, next.start == tokens[j].end || next.text != "." else { return false }
        // "Rep. Ilhan Omar": a title's full stop stays inside the name.
        if next.text == ".", isTitle(tokens[j]), EnrichTokenizer.abbreviations.contains(tokens[j].lower) {
            return startsName(tokens[j + 2])
        }
        guard j + 2 < tokens.count, startsName(tokens[j + 2]), !tokens[j + 2].startsSentence else {
            return false
        }
        if Self.particles.contains(next.text) { return true }
        if next.text == "&" { return true }
        if next.text == "of" || next.text == "for" {
            return tokens[i...j].contains { $0.is(.organizationKeyword) }
        }
        return false
    }

    /// Cuts a capitalised run at titles and leading sentence words, then classifies each name in it.
    private func split(_ tokens: [EnrichToken], _ first: Int, _ last: Int, into result: inout [EntityMention])
    {
        var start = first
        while start <= last, tokens[start].is(.nonName) { start += 1 }
        guard start <= last else { return }
        var titleEnd: Int?
        for k in start..<last where isTitle(tokens[k]) { titleEnd = k }
        // "Premier League", "US Justice Department": a name ending in an organisation word is one name.
        if tokens[last].is(.organizationKeyword) { titleEnd = nil }
        if let titleEnd {
            var before = start
            while before < titleEnd, !isTitle(tokens[before]) { before += 1 }
            if before > start { classify(tokens, start, before - 1, titledFrom: nil, into: &result) }
            classify(tokens, titleEnd + 1, last, titledFrom: before, into: &result)
        } else {
            classify(tokens, start, last, titledFrom: nil, into: &result)
        }
    }

    private func isTitle(_ token: EnrichToken) -> Bool {
        token.is(.personTitle)
    }

    private func classify(
        _ tokens: [EnrichToken], _ rawFirst: Int, _ last: Int, titledFrom: Int?,
        into result: inout [EntityMention]
    ) {
        var first = rawFirst
        while first <= last, tokens[first].kind == .punctuation { first += 1 }
        guard first <= last, !tokens[first...last].allSatisfy({ isTitle($0) || !$0.isWord }) else { return }
        let words = tokens[first...last].filter(\.isWord)
        let surface = words.map(\.text).joined(separator: " ")
        let lowered = words.map(\.lower).joined(separator: " ")
        var mention = EntityMention(
            first: first, last: last, surface: surface, titledSurface: nil, type: nil, canonical: nil,
            wordCount: words.count)
        if let titledFrom {
            mention.titledSurface = tokens[titledFrom...last].filter(\.isWord).map(\.text).joined(
                separator: " ")
        }
        let titled =
            titledFrom != nil || hasLowercaseTitle(tokens, before: first) || hasTitleAfter(tokens, last)
        let shouting = words.count > 1 && words.allSatisfy(\.isAllCaps)
        if words.count == 1, EntityLexicon.demonyms.contains(lowered) { return }
        if words.count > 1, words[words.count - 1].is(.eventKeyword), Gazetteer.place(lowered) == nil {
            return
        }
        if let place = Gazetteer.place(lowered), titledFrom == nil {
            mention.type = .location
            mention.canonical = place
        } else if let organization = EntityLexicon.knownOrganizations[lowered],
            lowered.count > 3 || words.allSatisfy(\.isAllCaps)
        {
            mention.type = .organization
            mention.canonical = organization
        } else if shouting {
            return
        } else if words.count > 1, words[words.count - 1].is(.placeKeyword) {
            mention.type = .location
        } else if words.contains(where: { $0.is(.organizationKeyword) }) {
            mention.type = .organization
        } else if titled, words.count <= 4 {
            mention.type = .person
        } else if words.count <= 3, organizationApposition(tokens, before: first) {
            mention.type = .organization
        } else if placeCue(tokens, first, last) {
            mention.type = .location
            mention.canonical = surface
        } else if words.count >= 3,
            let k = (first + 1..<last).first(where: { givenNameStart(tokens, $0, last) })
        {
            // "State Mike Pompeo": the person is the given name and what follows it.
            classify(tokens, first, k - 1, titledFrom: nil, into: &result)
            classify(tokens, k, last, titledFrom: nil, into: &result)
            return
        } else if words.count >= 3, let place = placePrefix(words), words.count >= place + 1,
            !isGivenName(words[0].lower)
        {
            // "Santa Fe Animal Shelter", "New York Knicks": a place opening a longer name (not
            // "Vladimir Putin", where the place is a given name the census does not know).
            mention.type = .organization
        } else if words.count >= 2, words.count <= 4, looksLikePerson(tokens, first, last) {
            mention.type = .person
        } else if words.count == 1, let token = words.first, token.isAllCaps,
            (2...5).contains(token.text.count),
            !EntityLexicon.nonOrganizationAcronyms.contains(token.lower)
        {
            mention.type = .organization
        }
        result.append(mention)
    }

    /// How many leading words form a known place, if any do.
    private func placePrefix(_ words: [EnrichToken]) -> Int? {
        for count in stride(from: min(3, words.count), through: 1, by: -1) {
            let name = words[0..<count].map(\.lower).joined(separator: " ")
            if Gazetteer.place(name) != nil { return count }
        }
        return nil
    }

    private func looksLikePerson(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if tokens[first...last].contains(where: \.isAllCaps) { return false }
        if isGivenName(tokens[first].lower) { return true }
        if tokens[first].text.count == 2, tokens[first].text.hasSuffix(".") { return true }
        if last + 1 < tokens.count, tokens[last + 1].is(.speechVerb) { return true }
        return first >= 2 && tokens[first - 1].lower == "to" && tokens[first - 2].lower == "according"
    }

    /// "oblast of Kursk", "the city of Lviv", "Kursk oblast", "Kursk region".
    private func placeCue(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if first >= 2, tokens[first - 1].lower == "of",
            EntityLexicon.locationCues.contains(tokens[first - 2].lower)
        {
            return true
        }
        guard last + 1 < tokens.count else { return false }
        let next = tokens[last + 1].lower
        return next == "oblast" || next == "region" || next == "province"
    }

    /// A given name opening the last two or three words: "State Mike Pompeo" ends in a person.
    private func givenNameStart(_ tokens: [EnrichToken], _ k: Int, _ last: Int) -> Bool {
        last - k <= 2 && isGivenName(tokens[k].lower)
            && !tokens[k...last].contains(where: \.isAllCaps)
    }

    /// A title right before the name: "spokesman Dmitry Peskov", "envoy, Steve Witkoff",
    /// "Home Secretary, Sajid Javid".
    private func hasLowercaseTitle(_ tokens: [EnrichToken], before first: Int) -> Bool {
        var k = first - 1
        var comma = false
        if k >= 0, tokens[k].text == "," {
            k -= 1
            comma = true
        }
        guard k >= 0, tokens[k].isWord, !tokens[k].isPossessive, comma || !tokens[k].isCapitalised else {
            return false
        }
        return tokens[k].is(.personTitle)
    }

    /// "The group that owns her music, Big Machine, …": an organisation noun shortly before a comma
    /// that introduces the name.
    private func organizationApposition(_ tokens: [EnrichToken], before first: Int) -> Bool {
        guard first >= 2, tokens[first - 1].text == "," else { return false }
        var k = first - 2
        while k >= 0, first - k <= 9, tokens[k].text != "." {
            if Self.organizationNouns.contains(tokens[k].lower) { return true }
            k -= 1
        }
        return false
    }

    /// Nouns that introduce an organisation's name.
    static let organizationNouns: Set<String> = [
        "company", "group", "label", "firm", "band", "studio", "agency", "publisher", "retailer", "startup",
        "airline", "broadcaster", "newspaper", "club", "team", "organisation", "organization", "charity",
    ]

    /// A title in an apposition right after the name: "Li Jifeng, a doctor at …", "Anas Haqqani, the
    /// younger brother of …".
    private func hasTitleAfter(_ tokens: [EnrichToken], _ last: Int) -> Bool {
        guard last + 2 < tokens.count, tokens[last + 1].text == ",",
            ["a", "an", "the"].contains(tokens[last + 2].lower)
        else { return false }
        return tokens[(last + 3)..<min(tokens.count, last + 6)].contains {
            $0.is(.personTitle) && !$0.isCapitalised
        }
    }

    /// A common given name; for a hyphenated one ("Eva-Marie"), its first part.
    private func isGivenName(_ lowered: String) -> Bool {
        if Gazetteer.isGivenName(lowered) { return true }
        guard let hyphen = lowered.firstIndex(of: "-") else { return false }
        return Gazetteer.isGivenName(String(lowered[..<hyphen]))
    }
}
