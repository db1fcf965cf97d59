/// Merges the mentions of one entity under its canonical name: a surname or a titled short form
/// ("Putin", "President Putin") joins the full name ("Vladimir Putin") written elsewhere in the text.
struct EntityResolver {
    /// Resolves `mentions` in place (type and canonical name) and returns the entity list, most
    /// mentioned first. Mentions that stay untyped are left without a canonical name.
    func resolve(
        _ mentions: inout [EntityMention], tokens: [EnrichToken], vocabulary: TextVocabulary
    ) -> [ArticleRecord.Entity] {
        resolveAffiliations(&mentions)
        promoteOrganizationLists(&mentions, tokens: tokens)
        // A name typed by its context in one place has that type everywhere.
        var typeOfSurface: [String: EntityType] = [:]
        for mention in mentions { if let type = mention.type { typeOfSurface[mention.surface] = type } }
        for index in mentions.indices where mentions[index].type == nil {
            mentions[index].type = typeOfSurface[mentions[index].surface]
        }
        // Makers first: "GitHub Copilot … GitHub Actions" are no people.
        resolveBrands(&mentions, tokens: tokens, vocabulary: vocabulary)
        promoteRepeatedSurnames(&mentions, tokens: tokens)
        promoteNeighbours(&mentions, tokens: tokens)
        resolveClubPlaces(&mentions)
        demoteCommonWordNames(&mentions, tokens: tokens, vocabulary: vocabulary)
        let fullNames = personFullNames(mentions)
        for index in mentions.indices {
            var mention = mentions[index]
            if mention.type != .organization, mention.wordCount <= 2,
                let full = fullName(for: mention, in: fullNames)
            {
                mention.type = .person
                mention.canonical = full
            } else if mention.type == .person, mention.canonical == nil {
                mention.canonical = fullNames.longer[mention.surface] ?? mention.surface
            } else if mention.type != nil, mention.canonical == nil {
                mention.canonical = mention.surface
            }
            mentions[index] = mention
        }
        return entities(mentions)
    }

    /// An untyped two- or three-word name whose last word also stands alone elsewhere, or ends a
    /// known person's name, is a person: "Adolf Hitler … Hitler was born", "Anas Haqqani … Sirajuddin
    /// Haqqani".
    private func promoteRepeatedSurnames(_ mentions: inout [EntityMention], tokens: [EnrichToken]) {
        var singles: Set<String> = []
        var surnames: Set<String> = []
        for mention in mentions {
            // A word opening a sentence is capitalised anyway: no evidence of a surname.
            if mention.wordCount == 1, mention.type == nil || mention.type == .person,
                !TextVocabulary.opensClause(tokens, mention.first)
            {
                singles.insert(mention.surface)
            } else if mention.type == .person, let last = Self.surname(of: mention.surface) {
                surnames.insert(last)
            }
        }
        // "Google Stadia … Stadia": a product named after its maker, not a person.
        let organizations = Set(
            mentions.filter { $0.type == .organization && $0.wordCount == 1 }.map(\.surface))
        for index in mentions.indices where mentions[index].type == nil {
            let mention = mentions[index]
            guard (2...3).contains(mention.wordCount), let last = Self.surname(of: mention.surface),
                Self.looksLikeFullName(mention.surface),
                !organizations.contains(String(mention.surface.prefix { $0 != " " }))
            else { continue }
            // A lone word repeated is a surname only after a given name or an initial: "Enter Wave …
            // Wave offers", "GitHub Copilot … Copilot" name products. After a person's surname, a
            // relative's name.
            let given =
                tokens[mention.first].text.hasSuffix(".")
                || Gazetteer.isGivenName(tokens[mention.first].lower)
            if (given && singles.contains(last)) || surnames.contains(last) {
                mentions[index].type = .person
            }
        }
    }

    /// A place named by one word needs a word the text never writes in lower case ("Mobile" of
    /// "mobile devices"). A person's name needs a surname the text never writes in lower case ("Physical Benefits",
    /// "Casual Elegance" are words of the text set in a heading's capitals), unless a title or a given
    /// name opening it says it is a person ("Dr. Rice", "Sarah Brown").
    private func demoteCommonWordNames(
        _ mentions: inout [EntityMention], tokens: [EnrichToken], vocabulary: TextVocabulary
    ) {
        for index in mentions.indices {
            let mention = mentions[index]
            switch mention.type {
            case .person:
                guard mention.titledSurface == nil, vocabulary.isCommon(at: mention.last) else {
                    continue
                }
                // "Georgia Power": a given name that is also a place says nothing.
                let opener = tokens[mention.first].lower
                if mention.wordCount > 1, Gazetteer.isGivenName(opener), Gazetteer.place(opener) == nil {
                    continue
                }
            case .location:
                // "Mobile app", "cayenne pepper": one word the text also writes as a common noun.
                guard mention.wordCount == 1, vocabulary.isCommon(at: mention.first) else { continue }
            default:
                continue
            }
            mentions[index].type = nil
            mentions[index].canonical = nil
        }
    }

    /// No shouting ("HMP Belmarsh"), no compound or participle first word ("Australian-born Assange",
    /// "Following Assange"), and a surname that is not itself a given name ("Welcome Jose").
    static func looksLikeFullName(_ surface: String) -> Bool {
        var surface = surface
        if let answer = surface.withUTF8(Self.asciiLooksLikeFullName) { return answer }
        let words = surface.split(separator: " ")
        guard let first = words.first, let last = words.last else { return false }
        if words.contains(where: { $0.count > 1 && $0.allSatisfy { !$0.isLowercase } }) { return false }
        if first.contains("-") || first.hasSuffix("ing") || first.hasSuffix("ed") { return false }
        return !Gazetteer.isGivenName(last.lowercased())
    }

    /// `looksLikeFullName` of an ASCII surface, on its bytes (names are looked at many times per
    /// article); nil for other text.
    private static func asciiLooksLikeFullName(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let words = bytes.split(separator: 0x20)
        guard let first = words.first, let last = words.last else { return false }
        let isLower: (UInt8) -> Bool = { $0 >= 0x61 && $0 <= 0x7A }
        if words.contains(where: { $0.count > 1 && !$0.contains(where: isLower) }) { return false }
        let endsWith: (String) -> Bool = {
            first.count >= $0.utf8.count && first.suffix($0.utf8.count).elementsEqual($0.utf8)
        }
        if first.contains(UInt8(ascii: "-")) || endsWith("ing") || endsWith("ed") { return false }
        return !Gazetteer.isGivenName(String(decoding: last.map(ASCII.lowercased), as: UTF8.self))
    }

    /// The last word of a person's name, without a generational suffix ("Kennedy" in "James P. Kennedy Jr").
    static func surname(of name: String) -> String? {
        var name = name
        if let answer = name.withUTF8(Self.asciiSurname) { return answer }
        var words = name.split(separator: " ")
        if words.count > 2, let last = words.last, generationalSuffixes.contains(String(last)) {
            words.removeLast()
        }
        return words.last.map(String.init)
    }

    /// `surname(of:)` of an ASCII name, on its bytes; nil for other text (`.some(nil)`: no words).
    private static func asciiSurname(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var words = bytes.split(separator: 0x20)
        if words.count > 2, let last = words.last,
            generationalSuffixes.contains(where: { last.elementsEqual($0.utf8) })
        {
            words.removeLast()
        }
        return .some(words.last.map { String(decoding: $0, as: UTF8.self) })
    }

    private static let generationalSuffixes = ["Jr", "Jr.", "Sr", "Sr.", "II", "III"]

    private struct FullNames {
        /// Last word of a full name → the full names ending with it, most mentioned first.
        var bySurname: [String: [String]] = [:]
        /// First word of a full name → the full names starting with it ("Jose" → "Jose Mourinho").
        var byFirstWord: [String: [String]] = [:]
        /// A full name → a longer one it abbreviates ("Vladimir Putin" → "Vladimir V. Putin" is not
        /// made; only a name that is another's prefix-and-suffix maps).
        var longer: [String: String] = [:]
    }

    private func personFullNames(_ mentions: [EntityMention]) -> FullNames {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for mention in mentions where mention.type == .person && mention.wordCount >= 2 {
            if counts[mention.surface] == nil { order.append(mention.surface) }
            counts[mention.surface, default: 0] += 1
        }
        var names = FullNames()
        for name in order {
            guard let surname = Self.surname(of: name) else { continue }
            names.bySurname[surname, default: []].append(name)
            names.byFirstWord[String(name.prefix { $0 != " " }), default: []].append(name)
        }
        for (surname, list) in names.bySurname {
            names.bySurname[surname] = list.sorted {
                (counts[$0] ?? 0, $0.count) > (counts[$1] ?? 0, $1.count)
            }
        }
        for name in order {
            let words = name.split(separator: " ")
            guard let surname = Self.surname(of: name), let firstWord = words.first else { continue }
            for other in names.bySurname[surname] ?? [] where other.count > name.count {
                // "Joy Bradford", "Harden Bradford" → "Joy Harden Bradford".
                if other.hasPrefix(firstWord + " ") || other.hasSuffix(" " + name) {
                    names.longer[name] = other
                }
            }
        }
        return names
    }

    private func fullName(for mention: EntityMention, in names: FullNames) -> String? {
        if mention.wordCount == 1 {
            if let full = names.bySurname[mention.surface]?.first { return full }
            // A first name (or a family name written first) stands for a person only when unambiguous.
            if let candidates = names.byFirstWord[mention.surface], candidates.count == 1 {
                return candidates[0]
            }
            return nil
        }
        return names.longer[mention.surface]
    }

    private func entities(_ mentions: [EntityMention]) -> [ArticleRecord.Entity] {
        var index: [String: Int] = [:]
        var result: [ArticleRecord.Entity] = []
        for mention in mentions {
            guard let type = mention.type, let canonical = mention.canonical else { continue }
            let key = type.rawValue + "\u{1}" + canonical
            let position: Int
            if let existing = index[key] {
                position = existing
                result[position].mentions += 1
            } else {
                position = result.count
                index[key] = position
                result.append(.init(name: canonical, type: type.rawValue, mentions: 1, aliases: []))
            }
            for alias in [mention.surface, mention.titledSurface].compactMap({ $0 })
            where alias != canonical && !result[position].aliases.contains(alias) {
                result[position].aliases.append(alias)
            }
        }
        // Most mentioned first; ties keep the order of first appearance.
        return result.enumerated().sorted {
            ($0.element.mentions, -$0.offset) > ($1.element.mentions, -$1.offset)
        }
        .map(\.element)
    }
}
