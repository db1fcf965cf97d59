/// Finds names of people, organisations and places from capitalisation, the words around them
/// ("President", "spokesperson", "oblast of", "said") and the gazetteer; aliases are merged by
/// `EntityResolver`. The clues read around a name are in `EntityRecognizer+Context.swift`.
struct EntityRecognizer {
    /// Verbs of saying after or before a name that make a two- or three-word name a person.
    static let speechVerbs: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "explained", "noted",
        "stated", "argued", "claimed", "warned", "recalled", "insisted", "tweeted", "announced",
        "confirmed", "replied", "according",
    ]

    /// Words that join capitalised words into one name ("Ludwig van Beethoven", "Braunau am Inn").
    private static let particles: Set<String> = [
        "de", "da", "del", "van", "von", "der", "den", "bin", "al", "la", "le", "di", "du", "dos", "das",
        "am",
    ]

    /// Lower-case words that join the parts of an organisation's name ("Institute for …").
    private static let organizationConnectors: Set<String> = ["of", "for", "on"]

    /// Capitalised words that are dates, not names.
    static let calendarWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Every name found in `tokens`, in text order, typed where the evidence allows.
    func mentions(in tokens: [EnrichToken], vocabulary: TextVocabulary) -> [EntityMention] {
        var result: [EntityMention] = []
        var i = 0
        while i < tokens.count {
            guard startsName(tokens[i]) else {
                i += 1
                continue
            }
            var j = i
            while j + 1 < tokens.count, continuesName(tokens, after: j, from: i) { j += 1 }
            for (first, last) in nameParts(tokens, i, j, vocabulary: vocabulary) {
                split(tokens, first, last, into: &result)
            }
            i = j + 1
        }
        AcronymDefinitions(tokens: tokens).apply(to: &result)
        return result
    }

    func startsName(_ token: EnrichToken) -> Bool {
        token.isWord && token.isCapitalised && !token.is(.calendar)
    }

    private func continuesName(_ tokens: [EnrichToken], after j: Int, from i: Int) -> Bool {
        let current = tokens[j]
        let next = tokens[j + 1]
        guard !next.startsSentence, next.start - current.end <= 1 else { return false }
        // "Westminster Magistrate's Court": a possessive goes on only into an organisation word.
        // Not after an owner: "South Dakota's Department of …".
        if current.isPossessive {
            return startsName(next) && next.is(.organizationKeyword) && !namesOwner(tokens, i, j)
        }
        if startsName(next) { return true }
        guard j + 2 < tokens.count, next.start == current.end || next.text != "." else { return false }
        // "Rep. Ilhan Omar": a title's full stop stays inside the name.
        if next.text == ".", isTitle(current), EnrichTokenizer.abbreviations.contains(current.lower) {
            return startsName(tokens[j + 2])
        }
        let after = tokens[j + 2]
        guard !after.startsSentence else { return false }
        // "Office for the Northern Valleys": "the" after a connector inside an organisation's name.
        if next.text == "the", Self.organizationConnectors.contains(current.text) { return startsName(after) }
        if Self.organizationConnectors.contains(next.text) {
            guard tokens[i...j].contains(where: { $0.is(.organizationKeyword) }) else { return false }
            if startsName(after) { return true }
            return after.text == "the" && j + 3 < tokens.count && startsName(tokens[j + 3])
        }
        // "Botic van de Zandschulp": two particles in a row.
        if Self.particles.contains(next.text), Self.particles.contains(after.text), j + 3 < tokens.count {
            return startsName(tokens[j + 3]) && !current.is(.nonName)
        }
        guard startsName(after) else { return false }
        if Self.particles.contains(next.text) { return !current.is(.nonName) }
        if next.text == "&" { return true }
        // "Institute for Coastal Safety and Navigation": "and" inside a name opened by a connector.
        // Not before another name: "the Department of Health and Alex Azar", "… and Texas".
        if next.text == "and" {
            guard !isGivenName(after.lower), !KnownNames.contains(tokens, j + 2, j + 2) else { return false }
            return tokens[i...j].contains { Self.organizationConnectors.contains($0.text) }
                && tokens[i...j].contains { $0.is(.organizationKeyword) }
        }
        return false
    }

    /// "the Blue Moon lander", "a Liquid Retina display": an article right before a name makes it a
    /// thing or a group, not a person.
    private func afterArticle(_ tokens: [EnrichToken], _ first: Int) -> Bool {
        first >= 1 && ["the", "a", "an"].contains(tokens[first - 1].lower)
    }

    private func isOpeningParticiple(_ token: EnrichToken) -> Bool {
        guard token.startsSentence, token.lower.count >= 6, token.lower.hasSuffix("ing"),
            !token.is(.personTitle), !isGivenName(token.lower)
        else { return false }
        return Gazetteer.place(token.lower) == nil && EntityLexicon.knownOrganizations[token.lower] == nil
    }

    /// Whether the words ending at `j` name a known place or organisation (an owner, not a part).
    private func namesOwner(_ tokens: [EnrichToken], _ i: Int, _ j: Int) -> Bool {
        (max(i, j - 2)...j).contains { KnownNames.contains(tokens, $0, j) }
    }

    /// Cuts a capitalised run at titles and leading sentence words, then classifies each name in it.
    private func split(_ tokens: [EnrichToken], _ first: Int, _ last: Int, into result: inout [EntityMention])
    {
        var start = first
        // "WHO" in capitals is the organisation, not the question word.
        while start <= last, tokens[start].is(.nonName), !isKnownAcronym(tokens[start]) { start += 1 }
        // "Watching NBA League Pass", "Hosting Cook": a participle opening a sentence is no name's part.
        while start < last, isOpeningParticiple(tokens[start]) { start += 1 }
        guard start <= last else { return }
        let titles = (start...last).filter { isRunTitle(tokens[$0]) }
        // "Premier League", "US Justice Department": a name ending in an organisation word is one
        // name; so is "Stephen King", a given name before a title-like surname.
        guard let firstTitle = titles.first, !tokens[last].is(.organizationKeyword),
            !(titles == [last] && isGivenName(tokens[firstNonDemonym(tokens, start, last)].lower))
        else {
            classify(tokens, start, last, titledFrom: nil, into: &result)
            return
        }
        if firstTitle > start { classifyOffice(tokens, start, firstTitle - 1, into: &result) }
        // "UK Home Secretary, …": a run ending in its title names nobody.
        guard let titleEnd = titles.last(where: { $0 < last }), !isRunTitle(tokens[last]) else { return }
        classify(tokens, titleEnd + 1, last, titledFrom: firstTitle, into: &result)
    }

    private func firstNonDemonym(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Int {
        var k = first
        while k < last, tokens[k].is(.demonym) { k += 1 }
        return k
    }

    /// The words before a capitalised title ("White House Press Secretary", "UK Home Secretary"):
    /// the office's place or organisation when the text names a known one, else part of the title.
    private func classifyOffice(
        _ tokens: [EnrichToken], _ first: Int, _ last: Int, into result: inout [EntityMention]
    ) {
        var end = min(last, first + 3)
        while end >= first {
            let name = tokens[first...end].filter(\.isWord).map(\.lower).joined(separator: " ")
            if Gazetteer.place(name) != nil || EntityLexicon.knownOrganizations[name] != nil {
                classify(tokens, first, end, titledFrom: nil, into: &result)
                return
            }
            end -= 1
        }
        if tokens[last].is(.organizationKeyword) {
            classify(tokens, first, last, titledFrom: nil, into: &result)
        }
    }

    func isTitle(_ token: EnrichToken) -> Bool {
        token.is(.personTitle)
    }

    /// A title inside a capitalised run: an honorific or office, not "Star" or a possessive
    /// ("Attorney’s Office").
    private func isRunTitle(_ token: EnrichToken) -> Bool {
        token.is(.honorific) && !token.isPossessive
    }

    private func isKnownAcronym(_ token: EnrichToken) -> Bool {
        token.isAllCaps && EntityLexicon.knownOrganizations[token.lower] != nil
    }

    private func classify(
        _ tokens: [EnrichToken], _ rawFirst: Int, _ last: Int, titledFrom: Int?,
        into result: inout [EntityMention]
    ) {
        var first = rawFirst
        while first <= last, tokens[first].kind == .punctuation { first += 1 }
        guard first <= last, !tokens[first...last].allSatisfy({ isTitle($0) || !$0.isWord }) else { return }
        let words = tokens[first...last].filter(\.isWord)
        guard let lastWord = words.last else { return }
        // A possessive inside the name is part of it ("Magistrate's Court"); at its end it is not.
        let surface = (words.dropLast().map(\.writtenForm) + [lastWord.text]).joined(separator: " ")
        let lowered = words.map(\.lower).joined(separator: " ")
        var mention = EntityMention(
            first: first, last: last, surface: surface, titledSurface: nil, type: nil, canonical: nil,
            wordCount: words.count)
        if let titledFrom {
            mention.titledSurface = tokens[titledFrom...last].filter(\.isWord).map(\.writtenForm).joined(
                separator: " ")
        }
        if words.count == 1, EntityLexicon.demonyms.contains(lowered) { return }
        if words.count > 1, lastWord.is(.eventKeyword), Gazetteer.place(lowered) == nil { return }
        // "Group A", "Path C": a label, not a name.
        if words.count > 1, lastWord.text.count == 1, lastWord.isCapitalised { return }
        let known = EntityLexicon.knownOrganizations[lowered].flatMap {
            lowered.count > 3 || words.allSatisfy(\.isAllCaps) ? $0 : nil
        }
        // "the Court ruled", "With Post wires": an organisation word alone names no one organisation.
        if words.count == 1, lastWord.is(.organizationKeyword), !lastWord.isAllCaps, known == nil { return }
        let titled =
            titledFrom != nil || hasLowercaseTitle(tokens, before: first, wordCount: words.count)
        let shouting = words.count > 1 && words.allSatisfy(\.isAllCaps)
        // "Art Director", "Apple AirPods" name no one; "Kevin King" does.
        let personal =
            (!lastWord.is(.personTitle) || isGivenName(words[0].lower)) && !startsWithOrganization(words)
            && !words.contains(where: \.hasDigit) && !afterArticle(tokens, first)
            && !(words.count == 1 && lastWord.isAllCaps)
        // "CBS Sports NFL Insider Jason Lane": a person named after the organisation.
        if words.count >= 3, titledFrom == nil,
            let k = (first + 1..<last).first(where: { givenNameStart(tokens, $0, last) }),
            tokens[first..<k].contains(where: { $0.is(.organizationKeyword) }),
            !tokens[k...last].contains(where: { $0.is(.organizationKeyword) })
        {
            classify(tokens, first, k - 1, titledFrom: nil, into: &result)
            classify(tokens, k, last, titledFrom: nil, into: &result)
            return
        }
        if let place = Gazetteer.place(lowered), titledFrom == nil {
            mention.type = .location
            mention.canonical = place
        } else if let place = placeBeforeDescriptors(words) {
            mention.type = .location
            mention.canonical = place
        } else if let known {
            mention.type = .organization
            mention.canonical = known
        } else if shouting {
            return
        } else if words.count == 2, let party = EntityLexicon.knownOrganizations[lastWord.lower],
            lastWord.lower.count > 3
        {
            // "Virginia Democrats", "House Republicans": members of a known organisation.
            mention.type = .organization
            mention.canonical = party
        } else if words.count == 2, isClubName(words) {
            mention.type = .organization
        } else if words.count > 1, lastWord.is(.placeKeyword) {
            mention.type = .location
        } else if words.contains(where: { $0.is(.organizationKeyword) }),
            keywordHeadsName(tokens, first, last)
        {
            mention.type = .organization
        } else if titled, words.count <= 4, personal {
            mention.type = .person
        } else if let type = appositionType(tokens, after: last),
            type != .person || (words.count <= 4 && personal)
        {
            mention.type = type
        } else if words.count <= 3, organizationApposition(tokens, before: first) {
            mention.type = .organization
        } else if placeCue(tokens, first, last) {
            mention.type = .location
            mention.canonical = surface
        } else if words.count >= 3, let place = placePrefix(words), place < words.count,
            !isGivenName(words[0].lower), !words[place...].contains(where: { $0.is(.nonName) })
        {
            // "Santa Fe Animal Shelter", "New York Knicks": a place opening a longer name (not
            // "Vladimir Putin", where the place is a given name the census does not know).
            mention.type = .organization
        } else if words.count >= 3,
            let k = (first + 1..<last).first(where: { givenNameStart(tokens, $0, last) })
        {
            // "State Mike Pompeo": the person is the given name and what follows it.
            classify(tokens, first, k - 1, titledFrom: nil, into: &result)
            classify(tokens, k, last, titledFrom: nil, into: &result)
            return
        } else if words.count >= 2, words.count <= 4, personal, looksLikePerson(tokens, first, last) {
            mention.type = .person
        } else if words.count <= 2, placeWithinPlace(tokens, first, last) {
            mention.type = .location
            mention.canonical = surface
        } else if words.count == 1, isAcronym(lastWord) {
            // A word in capitals is an organisation where the text treats it as one ("GTX" and "SD"
            // are not); an acronym the text defines is typed by `AcronymDefinitions`.
            if acronymActs(tokens, at: first) { mention.type = .organization }
        }
        if mention.type == nil {
            mention.affiliation = isAffiliation(tokens, first, last) || speaksInStatement(tokens, after: last)
        }
        result.append(mention)
    }

    /// An organisation word names the organisation when it ends the name ("Fairfield Police",
    /// "Stanford University") or opens a phrase of it ("Department of Transportation"); inside a
    /// longer phrase it is a plain noun ("Best Electric Trucks", "Cabinet Lighting").
    private func keywordHeadsName(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if tokens[last].is(.organizationKeyword) { return true }
        return tokens[first...last].contains {
            Self.organizationConnectors.contains($0.text) || $0.text == "&"
        }
    }

    /// How many leading words form a known place, if any do.
    private func placePrefix(_ words: [EnrichToken]) -> Int? {
        for count in stride(from: min(3, words.count), through: 1, by: -1) {
            let name = words[0..<count].map(\.lower).joined(separator: " ")
            if Gazetteer.place(name) != nil { return count }
        }
        return nil
    }

    /// "Kursk Region", "Inner Mongolia Autonomous Region": a known place and words saying what kind
    /// of place it is stand for the place.
    private func placeBeforeDescriptors(_ words: [EnrichToken]) -> String? {
        var end = words.count
        while end > 1, EntityLexicon.placeDescriptors.contains(words[end - 1].lower) { end -= 1 }
        guard end < words.count else { return nil }
        return Gazetteer.place(words[0..<end].map(\.lower).joined(separator: " "))
    }

    /// "AC Milan", "SC Braga": a short affix in capitals before a place names a club.
    private func isClubName(_ words: [EnrichToken]) -> Bool {
        let isAffix = { (word: EnrichToken) in
            word.isAllCaps && word.text.count <= 3 && !word.text.contains(".")
        }
        guard isAffix(words[0]), !words[1].isAllCaps else { return false }
        return Gazetteer.place(words[1].lower) != nil
    }

    /// "Apple AirPods", "Google Stadia": a product or a division, not a person.
    private func startsWithOrganization(_ words: [EnrichToken]) -> Bool {
        words.count > 1 && EntityLexicon.knownOrganizations[words[0].lower] != nil
            && !isGivenName(words[0].lower)
    }

    private func isAcronym(_ token: EnrichToken) -> Bool {
        token.isAllCaps && (2...5).contains(token.text.count) && !token.hasDigit && !token.text.contains(".")
            && !EntityLexicon.nonOrganizationAcronyms.contains(token.lower)
    }

    private func looksLikePerson(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if tokens[first...last].contains(where: \.isAllCaps) { return false }
        if isGivenName(tokens[first].lower) { return true }
        if tokens[first].text.count == 2, tokens[first].text.hasSuffix(".") { return true }
        if last + 1 < tokens.count, tokens[last + 1].is(.speechVerb) { return true }
        if first >= 2, tokens[first - 1].lower == "to", tokens[first - 2].lower == "according" { return true }
        // "…,” said Avi Roth, …": a verb of saying before the name, the clause ending after it.
        guard first >= 1, tokens[first - 1].is(.speechVerb),
            !Self.objectVerbs.contains(tokens[first - 1].lower)
        else { return false }
        return last + 1 == tokens.count || [",", ".", ";"].contains(tokens[last + 1].text)
    }

    /// Verbs of saying whose following name is their object, not their subject ("told Reuters").
    private static let objectVerbs: Set<String> = ["told", "tells", "asked", "according"]

    /// "from Xilingol in Inner Mongolia", "in Varnby, Norway": after a preposition of place, a name
    /// followed by a known place that holds it.
    private func placeWithinPlace(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        guard first >= 1, Self.placePrepositions.contains(tokens[first - 1].lower), last + 2 < tokens.count,
            tokens[last + 1].text == "," || tokens[last + 1].lower == "in"
        else { return false }
        var end = min(tokens.count - 1, last + 4)
        while end >= last + 2 {
            let words = tokens[(last + 2)...end]
            if words.allSatisfy({ $0.isWord && $0.isCapitalised }),
                Gazetteer.place(words.map(\.lower).joined(separator: " ")) != nil
            {
                return true
            }
            end -= 1
        }
        return false
    }

    private static let placePrepositions: Set<String> = ["in", "from", "near", "at", "outside", "of"]

    /// A given name opening the last two or three words: "State Mike Pompeo" ends in a person.
    private func givenNameStart(_ tokens: [EnrichToken], _ k: Int, _ last: Int) -> Bool {
        last - k <= 2 && tokens[k].isCapitalised && isGivenName(tokens[k].lower)
            && !tokens[k...last].contains(where: \.isAllCaps)
    }

    /// A common given name; for a hyphenated one ("Eva-Marie"), its first part.
    func isGivenName(_ lowered: String) -> Bool {
        if Gazetteer.isGivenName(lowered) { return true }
        guard let hyphen = lowered.firstIndex(of: "-") else { return false }
        return Gazetteer.isGivenName(String(lowered[..<hyphen]))
    }
}
