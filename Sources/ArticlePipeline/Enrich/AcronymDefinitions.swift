/// Acronyms the text defines: "the Friends of the Old Pier (FOP)", "TRW (the Tarn Ridge Walkers)".
/// The defined name becomes one mention (an organisation unless already typed otherwise) and every
/// use of the acronym stands for it, whatever a word list says the acronym means.
struct AcronymDefinitions {
    let tokens: [EnrichToken]

    /// Small words an acronym may or may not take a letter from.
    private static let connectors: Set<String> = [
        "of", "for", "and", "the", "on", "in", "&", "de", "du", "des",
    ]
    /// How many tokens a defined name may span.
    private let longestName = 12

    private struct Definition {
        var acronym: String
        var first: Int
        var last: Int
    }

    /// Rewrites `mentions`: the defined names replace the mentions inside them, and the acronyms'
    /// mentions take the defined name's type and canonical name.
    func apply(to mentions: inout [EntityMention]) {
        let definitions = find()
        guard !definitions.isEmpty else { return }
        var meaning: [String: (type: EntityType, canonical: String)] = [:]
        for definition in definitions where meaning[definition.acronym] == nil {
            let inside = mentions.indices.filter {
                mentions[$0].first >= definition.first && mentions[$0].last <= definition.last
            }
            let exact = inside.first {
                mentions[$0].first == definition.first && mentions[$0].last == definition.last
            }
            let words = tokens[definition.first...definition.last].filter(\.isWord)
            let surface = words.map(\.writtenForm).joined(separator: " ")
            var mention = EntityMention(
                first: definition.first, last: definition.last, surface: surface, titledSurface: nil,
                type: .organization, canonical: surface, wordCount: words.count)
            if let exact, let type = mentions[exact].type {
                mention.type = type
                mention.canonical = mentions[exact].canonical ?? surface
            }
            for index in inside.reversed() { mentions.remove(at: index) }
            let position = mentions.firstIndex { $0.first > definition.last } ?? mentions.count
            mentions.insert(mention, at: position)
            meaning[definition.acronym] = (mention.type ?? .organization, mention.canonical ?? surface)
        }
        for index in mentions.indices where mentions[index].wordCount == 1 {
            guard let (type, canonical) = meaning[mentions[index].surface] else { continue }
            mentions[index].type = type
            mentions[index].canonical = canonical
            mentions[index].affiliation = false
        }
    }

    private func find() -> [Definition] {
        var result: [Definition] = []
        var k = 1
        while k + 2 < tokens.count {
            defer { k += 1 }
            guard tokens[k].text == "(" else { continue }
            // "Long Name (ACR)"
            if tokens[k + 2].text == ")", isAcronym(tokens[k + 1]),
                let first = nameStart(endingAt: k - 1, for: tokens[k + 1].lower)
            {
                result.append(.init(acronym: tokens[k + 1].text, first: first, last: k - 1))
                continue
            }
            // "ACR (the Long Name)"
            guard isAcronym(tokens[k - 1]) else { continue }
            var close = k + 1
            while close < tokens.count, close - k <= longestName, tokens[close].text != ")" { close += 1 }
            guard close < tokens.count, tokens[close].text == ")" else { continue }
            var first = k + 1
            if tokens[first].lower == "the" { first += 1 }
            guard first < close, tokens[first].isCapitalised,
                matches(tokens[k - 1].lower, tokens[first..<close])
            else { continue }
            result.append(.init(acronym: tokens[k - 1].text, first: first, last: close - 1))
        }
        return result
    }

    /// The shortest run of capitalised words and connectors ending at `last` whose initials spell
    /// `acronym`.
    private func nameStart(endingAt last: Int, for acronym: String) -> Int? {
        guard last >= 0, tokens[last].isWord, tokens[last].isCapitalised else { return nil }
        var first = last
        while first >= 0, last - first < longestName {
            let token = tokens[first]
            guard token.isWord, token.isCapitalised || Self.connectors.contains(token.lower) else {
                return nil
            }
            if token.isCapitalised, matches(acronym, tokens[first...last]) { return first }
            first -= 1
        }
        return nil
    }

    /// Whether `acronym` spells the initials of `words`, with or without the connectors, counting
    /// each part of a hyphenated word ("Agence France-Presse": AFP).
    private func matches(_ acronym: String, _ words: ArraySlice<EnrichToken>) -> Bool {
        guard words.allSatisfy(\.isWord) else { return false }
        let target = Array(acronym.unicodeScalars)
        for keepConnectors in [false, true] {
            for splitHyphens in [false, true] {
                var initials: [Unicode.Scalar] = []
                for word in words where keepConnectors || !Self.connectors.contains(word.lower) {
                    let parts = splitHyphens ? word.lower.split(separator: "-") : [Substring(word.lower)]
                    for part in parts {
                        if let scalar = part.unicodeScalars.first { initials.append(scalar) }
                    }
                }
                if initials == target { return true }
            }
        }
        return false
    }

    private func isAcronym(_ token: EnrichToken) -> Bool {
        token.isWord && token.isAllCaps && (2...8).contains(token.text.count) && !token.hasDigit
    }
}
