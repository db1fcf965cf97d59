/// Types read from a name's neighbours: the people it is listed with or plays against, the
/// organisations it is listed with, and the person it employs.
extension EntityResolver {
    /// Names listed with a person ("Karen Khachanov and Andrey Rublev", "Ann Lee of Peru and Mia
    /// Ko"), facing one ("Ann Lee beat Mia Ko") or after a place's possessive ("Serbia’s Novak
    /// Djokovic") are people too.
    func promoteNeighbours(_ mentions: inout [EntityMention], tokens: [EnrichToken]) {
        // A lone surname of a person named in full counts as that person ("Lee had beaten Mia Ko").
        let surnames = Set(
            mentions.filter { $0.type == .person && $0.wordCount > 1 }.compactMap {
                Self.surname(of: $0.surface)
            })
        for index in mentions.indices
        where mentions[index].type == nil && mentions[index].wordCount == 1
            && surnames.contains(mentions[index].surface)
        {
            mentions[index].type = .person
        }
        for _ in 0..<2 {
            for index in mentions.indices where mentions[index].type == nil {
                let mention = mentions[index]
                guard (2...4).contains(mention.wordCount), Self.looksLikeFullName(mention.surface) else {
                    continue
                }
                if neighbour(mentions, index, step: -1, tokens) == .person
                    || neighbour(mentions, index, step: 1, tokens) == .person
                {
                    mentions[index].type = .person
                } else if index > 0, mentions[index - 1].type == .location,
                    mentions[index - 1].last + 1 == mention.first,
                    tokens[mentions[index - 1].last].isPossessive
                {
                    mentions[index].type = .person
                }
            }
        }
    }

    /// The type of the mention next to `index` (`step` -1: before it, 1: after it) when a list or a
    /// contest links the two, looking past a place after "of" ("Ann Lee of Peru and Mia Ko").
    private func neighbour(
        _ mentions: [EntityMention], _ index: Int, step: Int, _ tokens: [EnrichToken]
    ) -> EntityType? {
        let other = index + step
        guard mentions.indices.contains(other) else { return nil }
        let (left, right) = step < 0 ? (mentions[other], mentions[index]) : (mentions[index], mentions[other])
        if linked(tokens, left.last + 1, right.first) { return mentions[other].type }
        let far = other + step
        guard mentions[other].type == .location, mentions.indices.contains(far) else { return nil }
        let place = mentions[other]
        let (first, last) = step < 0 ? (mentions[far], mentions[index]) : (mentions[index], mentions[far])
        guard tokens[place.first - 1].lower == "of", first.last + 2 == place.first,
            linked(tokens, place.last + 1, last.first)
        else { return nil }
        return mentions[far].type
    }

    /// Whether the tokens in `from..<to` join two names as a list ("and", ",") or a contest ("beat",
    /// "had beaten", "against").
    private func linked(_ tokens: [EnrichToken], _ from: Int, _ to: Int) -> Bool {
        guard from < to, to - from <= 3 else { return false }
        if to - from == 1, tokens[from].lower == "and" || tokens[from].text == "," { return true }
        let gap = tokens[from..<to]
        return gap.contains { $0.is(.contestVerb) }
            && gap.allSatisfy { $0.is(.contestVerb) || $0.is(.betweenSubjectAndVerb) }
    }

    /// Names before a role and a person ("Pellow co-founder Marta Lind") are the person's
    /// organisation, unless they are a person's name themselves ("Trump adviser Ann Lee").
    func resolveAffiliations(_ mentions: inout [EntityMention]) {
        // A person's given name or surname, or the last word of any longer name the text writes
        // ("Scooter Braun … Braun-owned … Braun representative Ann Lee"), may be a person's.
        var personWords: Set<String> = []
        for mention in mentions
        where mention.type == .person || (mention.type == nil && mention.wordCount > 1) {
            let words = mention.surface.split(separator: " ")
            if let last = words.last { personWords.insert(String(last)) }
            if mention.type == .person, let first = words.first { personWords.insert(String(first)) }
        }
        for index in mentions.indices where mentions[index].type == nil && mentions[index].affiliation {
            if !personWords.contains(mentions[index].surface) { mentions[index].type = .organization }
        }
    }

    /// A list of names ("FC Lisboa, Sporting Braga, Atletico Varga and Harlow United") with at
    /// least two organisations and no person: its untyped names are organisations too.
    func promoteOrganizationLists(_ mentions: inout [EntityMention], tokens: [EnrichToken]) {
        var start = 0
        while start < mentions.count {
            var end = start
            while end + 1 < mentions.count,
                mentions[end].last + 2 == mentions[end + 1].first,
                tokens[mentions[end].last + 1].text == "," || tokens[mentions[end].last + 1].lower == "and"
            {
                end += 1
            }
            let list = mentions[start...end]
            if list.count >= 3, list.filter({ $0.type == .organization }).count >= 2,
                !list.contains(where: { $0.type == .person })
            {
                for index in start...end where mentions[index].type == nil {
                    mentions[index].type = .organization
                }
            }
            start = end + 1
        }
    }

    /// A place named alone in a text that names a club after it ("FC Porto … managed Porto") stands
    /// for the club: a club's name is its place and a short affix in capitals ("FC", "AC").
    func resolveClubPlaces(_ mentions: inout [EntityMention]) {
        var clubOfPlace: [String: String] = [:]
        for mention in mentions where mention.type == .organization && mention.wordCount == 2 {
            let words = mention.surface.split(separator: " ").map(String.init)
            let isAffix = { (word: String) in word.count <= 3 && word.allSatisfy(\.isUppercase) }
            if isAffix(words[0]), Gazetteer.place(words[1].lowercased()) != nil {
                clubOfPlace[words[1]] = mention.canonical ?? mention.surface
            } else if isAffix(words[1]), Gazetteer.place(words[0].lowercased()) != nil {
                clubOfPlace[words[0]] = mention.canonical ?? mention.surface
            }
        }
        guard !clubOfPlace.isEmpty else { return }
        for index in mentions.indices where mentions[index].type == .location {
            guard let club = clubOfPlace[mentions[index].surface] else { continue }
            mentions[index].type = .organization
            mentions[index].canonical = club
        }
    }
}
