/// The clues around a name that tell what it names: titles before it, appositions after it
/// ("Varnby, a village …"), cues of place ("southwest of …") and of organisation ("… co-founder Ann").
extension EntityRecognizer {
    /// A title right before the name: "spokesman Dmitry Peskov", "envoy, Steve Witkoff",
    /// "Home Secretary, Sajid Javid" (a capitalised title before a comma only for a short name).
    func hasLowercaseTitle(_ tokens: [EnrichToken], before first: Int, wordCount: Int) -> Bool {
        var k = first - 1
        var comma = false
        if k >= 0, tokens[k].text == "," {
            k -= 1
            comma = true
        }
        guard k >= 0, tokens[k].isWord, !tokens[k].isPossessive, comma || !tokens[k].isCapitalised else {
            return false
        }
        if comma, tokens[k].isCapitalised, wordCount > 3 { return false }
        if tokens[k].is(.personTitle) { return true }
        // "pass rusher Myles Reed", "co-author Ana Sola": a role noun before a full name.
        return wordCount >= 2 && !comma && isRoleNoun(tokens[k])
    }

    /// A lower-case noun naming what someone does, by its form: an agent ending ("keeper",
    /// "novelist", "historian", "defenseman", "nominee") or a hyphenated title ("vice-premier").
    func isRoleNoun(_ token: EnrichToken) -> Bool {
        guard token.isWord, !token.isCapitalised, !token.hasDigit, !token.is(.nonName),
            !token.is(.functionWord)
        else { return false }
        let word = token.lower
        if token.hasHyphen {
            return word.split(separator: "-").contains { EntityLexicon.personTitles.contains(String($0)) }
        }
        guard word.count >= 5, !EntityLexicon.notRoleNouns.contains(word),
            !EntityLexicon.appositionOrganizationNouns.contains(word)
        else { return false }
        return Self.roleEndings.contains { word.hasSuffix($0) }
    }

    private static let roleEndings = ["er", "or", "ist", "ian", "man", "woman", "ee"]

    /// What an apposition right after the name says it is: "Li Jifeng, a doctor at …" (person),
    /// "Varnby, a village north of …" (place), "Quillon, a messaging app …" (organisation). The first
    /// listed noun within a few words of the article decides.
    func appositionType(_ tokens: [EnrichToken], after last: Int) -> EntityType? {
        guard last + 2 < tokens.count, tokens[last + 1].text == ",",
            ["a", "an", "the"].contains(tokens[last + 2].lower)
        else { return nil }
        for token in tokens[(last + 3)..<min(tokens.count, last + 8)] {
            guard token.isWord else { return nil }
            if token.isCapitalised, !token.hasHyphen { continue }
            let word = token.lower
            if EntityLexicon.appositionPlaceNouns.contains(word) { return .location }
            if EntityLexicon.appositionOrganizationNouns.contains(word) { return .organization }
            if token.is(.personTitle) || isRoleNoun(token) { return .person }
        }
        return nil
    }

    /// "The group that owns her music, Big Machine, …": an organisation noun shortly before a comma
    /// that introduces the name.
    func organizationApposition(_ tokens: [EnrichToken], before first: Int) -> Bool {
        guard first >= 2, tokens[first - 1].text == "," else { return false }
        var k = first - 2
        while k >= 0, first - k <= 9, tokens[k].text != "." {
            if Self.introducingNouns.contains(tokens[k].lower) { return true }
            k -= 1
        }
        return false
    }

    /// Nouns that introduce an organisation's name a few words later.
    private static let introducingNouns: Set<String> = [
        "company", "group", "label", "firm", "band", "studio", "agency", "publisher", "retailer", "startup",
        "airline", "broadcaster", "newspaper", "club", "team", "organisation", "organization", "charity",
    ]

    /// "oblast of Kursk", "the city of Lviv", "southwest of Ithaca", "Kursk oblast", "Kursk region".
    func placeCue(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        if first >= 2, tokens[first - 1].lower == "of",
            EntityLexicon.locationCues.contains(tokens[first - 2].lower)
        {
            return true
        }
        guard last + 1 < tokens.count else { return false }
        let next = tokens[last + 1].lower
        return next == "oblast" || next == "region" || next == "province"
    }

    /// Whether a word in capitals at `k` acts as an organisation: it speaks ("NYAG said", "according
    /// to CTIA"), owns ("MSCI’s index") or employs ("CTIA president Ann Lee").
    func acronymActs(_ tokens: [EnrichToken], at k: Int) -> Bool {
        if tokens[k].isPossessive { return true }
        if k >= 2, tokens[k - 1].lower == "to", tokens[k - 2].lower == "according" { return true }
        var next = k + 1
        while next < tokens.count, tokens[next].is(.betweenSubjectAndVerb) { next += 1 }
        guard next < tokens.count else { return false }
        if tokens[next].is(.speechVerb) { return true }
        return isRole(tokens[next]) && next + 1 < tokens.count && startsName(tokens[next + 1])
    }

    /// "Pellow co-founder Marta Lind", "the Pellow founder": a name before a role held in it.
    func isAffiliation(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        guard last + 1 < tokens.count, isRole(tokens[last + 1]), !isGivenName(tokens[first].lower) else {
            return false
        }
        if last + 2 < tokens.count, startsName(tokens[last + 2]), !tokens[last + 2].startsSentence {
            return true
        }
        return first >= 1 && tokens[first - 1].lower == "the"
    }

    /// "Tottenham said in a statement": organisations speak in statements (people too, which the
    /// resolver tells apart by the person's name written elsewhere).
    func speaksInStatement(_ tokens: [EnrichToken], after last: Int) -> Bool {
        var k = last + 1
        while k < tokens.count, tokens[k].is(.betweenSubjectAndVerb) { k += 1 }
        guard k + 3 < tokens.count, tokens[k].is(.speechVerb), tokens[k + 1].lower == "in",
            ["a", "its", "the"].contains(tokens[k + 2].lower)
        else { return false }
        return ["statement", "release", "filing"].contains(tokens[k + 3].lower)
    }

    /// A title in lower case, or the first part of a hyphenated one ("editor-in-chief").
    private func isRole(_ token: EnrichToken) -> Bool {
        guard token.isWord, !token.isCapitalised else { return false }
        if token.is(.personTitle) { return true }
        guard token.hasHyphen, let hyphen = token.lower.firstIndex(of: "-") else { return false }
        return EntityLexicon.personTitles.contains(String(token.lower[..<hyphen]))
    }
}
