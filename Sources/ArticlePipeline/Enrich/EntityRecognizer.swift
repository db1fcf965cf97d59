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
        token.isWord && token.isCapitalised && !Self.calendarWords.contains(token.lower)
    }

    private func continuesName(_ tokens: [EnrichToken], after j: Int, from i: Int) -> Bool {
        let next = tokens[j + 1]
        guard !next.startsSentence, next.start - tokens[j].end <= 1 else { return false }
        if startsName(next) { return true }
        guard j + 2 < tokens.count, startsName(tokens[j + 2]), !tokens[j + 2].startsSentence else {
            return false
        }
        if Self.particles.contains(next.text) { return true }
        if next.text == "&" { return true }
        if next.text == "of" || next.text == "for" {
            return tokens[i...j].contains { EntityLexicon.organizationKeywords.contains($0.lower) }
        }
        return false
    }

    /// Cuts a capitalised run at titles and leading sentence words, then classifies each name in it.
    private func split(_ tokens: [EnrichToken], _ first: Int, _ last: Int, into result: inout [EntityMention])
    {
        var start = first
        while start <= last,
            EntityLexicon.nonNameWords.contains(tokens[start].lower)
                || EntityLexicon.demonyms.contains(tokens[start].lower)
        {
            start += 1
        }
        guard start <= last else { return }
        var titleEnd: Int?
        for k in start..<last where isTitle(tokens[k]) { titleEnd = k }
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
        EntityLexicon.personTitles.contains(token.lower) || token.lower == "prime"
    }

    private func classify(
        _ tokens: [EnrichToken], _ first: Int, _ last: Int, titledFrom: Int?,
        into result: inout [EntityMention]
    ) {
        let words = tokens[first...last]
        let surface = words.map(\.text).joined(separator: " ")
        let lowered = surface.lowercased()
        var mention = EntityMention(
            first: first, last: last, surface: surface, titledSurface: nil, type: nil, canonical: nil,
            wordCount: last - first + 1)
        if let titledFrom {
            mention.titledSurface = tokens[titledFrom...last].map(\.text).joined(separator: " ")
        }
        let titled = titledFrom != nil || hasLowercaseTitle(tokens, before: first)
        let shouting = words.count > 1 && words.allSatisfy(\.isAllCaps)
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
        } else if titled, words.count <= 4 {
            mention.type = .person
        } else if words.contains(where: { EntityLexicon.organizationKeywords.contains($0.lower) }) {
            mention.type = .organization
        } else if placeCue(tokens, first, last) {
            mention.type = .location
            mention.canonical = surface
        } else if words.count >= 2, words.count <= 4, looksLikePerson(tokens, first, last) {
            mention.type = .person
        } else if words.count == 1, let token = words.first, token.isAllCaps,
            (2...5).contains(token.text.count),
            !EntityLexicon.nonOrganizationAcronyms.contains(token.lower)
        {
            mention.type = .organization
        } else if words.count >= 3,
            let k = (first + 1..<last).first(where: { givenNameStart(tokens, $0, last) })
        {
            classify(tokens, first, k - 1, titledFrom: nil, into: &result)
            classify(tokens, k, last, titledFrom: nil, into: &result)
            return
        }
        result.append(mention)
    }

    private func looksLikePerson(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if tokens[first...last].contains(where: \.isAllCaps) { return false }
        if Gazetteer.isGivenName(tokens[first].lower) { return true }
        if tokens[first].text.count == 2, tokens[first].text.hasSuffix(".") { return true }
        if last + 1 < tokens.count, Self.speechVerbs.contains(tokens[last + 1].lower) { return true }
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
        last - k <= 2 && Gazetteer.isGivenName(tokens[k].lower)
            && !tokens[k...last].contains(where: \.isAllCaps)
    }

    /// A lower-case title right before the name: "spokesman Dmitry Peskov", "envoy, Steve Witkoff".
    private func hasLowercaseTitle(_ tokens: [EnrichToken], before first: Int) -> Bool {
        var k = first - 1
        if k >= 0, tokens[k].text == "," { k -= 1 }
        guard k >= 0, tokens[k].isWord, !tokens[k].isCapitalised, !tokens[k].isPossessive else {
            return false
        }
        return EntityLexicon.personTitles.contains(tokens[k].lower)
    }
}
