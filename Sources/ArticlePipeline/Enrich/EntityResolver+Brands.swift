/// Brands read from how the text names products: a word that opens several different names
/// ("GitHub Copilot", "GitHub Actions"; "Hyundai Ioniq", "Hyundai Kona"), or opens one and also
/// stands alone ("Nike Air … Nike"), is the maker's name, and the words after it name a product,
/// which is no entity. People share their last word ("Ann Lee", "Tom Lee"), not their first.
extension EntityResolver {
    func resolveBrands(
        _ mentions: inout [EntityMention], tokens: [EnrichToken], vocabulary: TextVocabulary
    ) {
        // The makers' words first: most texts name none, and then nothing else needs reading.
        var tails: [String: Set<String>] = [:]
        var productNamed: Set<String> = []
        for mention in mentions where mention.type == nil && mention.wordCount != 1 {
            guard isBrandWord(tokens, mention.first, vocabulary: vocabulary), tokens[mention.first + 1].isWord
            else {
                continue
            }
            let opener = tokens[mention.first].text
            let tail = tokens[(mention.first + 1)...mention.last]
            let name = tail.map(\.text).joined(separator: " ")
            tails[opener, default: []].insert(name)
            // "Use Tools", "Ceiling Fans": a product's name has a word of its own, not the text's.
            if tail.indices.contains(where: {
                tokens[$0].isWord && !vocabulary.isCommon(at: $0) && !tokens[$0].is(.functionWord)
            }) {
                productNamed.insert(opener)
            }
        }
        // A brand needs a product named by it.
        guard !productNamed.isEmpty else { return }
        var alone: Set<String> = []
        // Words seen capitalised inside running text, where capitals are the word's own.
        var inProse: Set<String> = []
        var personWords: Set<String> = []
        for mention in mentions {
            if mention.type == .person {
                for word in mention.surface.split(separator: " ") { personWords.insert(String(word)) }
                continue
            }
            guard mention.type == nil else { continue }
            let opener = tokens[mention.first]
            if !TextVocabulary.opensClause(tokens, mention.first), !vocabulary.inHeading(opener) {
                inProse.insert(opener.text)
            }
            if mention.wordCount == 1, !TextVocabulary.opensClause(tokens, mention.first) {
                alone.insert(opener.text)
            }
        }
        let brands = Set(
            tails.filter { word, names in
                inProse.contains(word) && productNamed.contains(word) && !personWords.contains(word)
                    && (names.count >= 2 || alone.contains(word))
            }.keys)
        guard !brands.isEmpty else { return }
        for index in mentions.indices where mentions[index].type == nil {
            let word = tokens[mentions[index].first].text
            guard brands.contains(word) else { continue }
            mentions[index].last = mentions[index].first
            mentions[index].surface = word
            mentions[index].wordCount = 1
            mentions[index].type = .organization
            mentions[index].canonical = word
        }
    }

    /// The capitalised word at `k` that may be a maker's name: not a given name, place, common word
    /// of the text or word in capitals ("USB", "LED").
    private func isBrandWord(_ tokens: [EnrichToken], _ k: Int, vocabulary: TextVocabulary) -> Bool {
        let token = tokens[k]
        return token.isWord && token.isCapitalised && !token.isAllCaps && !token.hasDigit
            && !token.isPossessive
            && !vocabulary.isCommon(at: k) && !Gazetteer.isGivenName(token.lower)
            && Gazetteer.place(token.lower) == nil && !token.is(.nonName) && !token.is(.demonym)
    }
}
