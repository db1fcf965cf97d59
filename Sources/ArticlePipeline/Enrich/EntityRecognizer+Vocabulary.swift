/// Where a capitalised run holds a name, judged by the text's own vocabulary: words the text also
/// writes in lower case are capitalised for another reason than being a name when they open a
/// sentence ("Unlike HubSpot", "Moreover") or stand in a title-case heading ("Install Basic
/// Outlets", "Choose a Plan").
extension EntityRecognizer {
    /// The parts of the run `first...last` that may be names, in order.
    func nameParts(
        _ tokens: [EnrichToken], _ first: Int, _ last: Int, vocabulary: TextVocabulary
    ) -> [(Int, Int)] {
        if isKnownName(tokens, first, last) { return [(first, last)] }
        if vocabulary.inHeading(tokens[first]),
            (first...last).contains(where: { isCommonCapital(tokens, $0, last, vocabulary: vocabulary) })
        {
            var parts: [(Int, Int)] = []
            var start: Int?
            var k = first
            while k <= last {
                if let known = knownSpan(tokens, k, last) {
                    if let open = start { parts.append(trimmed(tokens, open, k - 1)) }
                    parts.append((k, known))
                    start = nil
                    k = known + 1
                    continue
                }
                if isCommonCapital(tokens, k, last, vocabulary: vocabulary) {
                    if let open = start { parts.append(trimmed(tokens, open, k - 1)) }
                    start = nil
                } else if start == nil, tokens[k].isCapitalised {
                    start = k
                }
                k += 1
            }
            if let open = start { parts.append(trimmed(tokens, open, last)) }
            return parts.filter { $0.0 <= $0.1 }
        }
        guard TextVocabulary.opensClause(tokens, first) else { return [(first, last)] }
        var start = first
        while start <= last, knownSpan(tokens, start, last) == nil,
            isCommonCapital(tokens, start, last, vocabulary: vocabulary)
        {
            start += 1
            // "Unlike the Sierra Club": small words after the dropped word go too.
            while start <= last, tokens[start].isWord, !tokens[start].isCapitalised { start += 1 }
        }
        guard start <= last else { return [] }
        // "Moreover, …", "Additionally, …": one word opening a sentence before a comma is a
        // connective, unless it is a known name or a given name.
        if start == first, first == last, last + 1 < tokens.count, tokens[last + 1].text == ",",
            !isGivenName(tokens[first].lower), !tokens[first].isAllCaps, knownSpan(tokens, first, last) == nil
        {
            return []
        }
        return [(start, last)]
    }

    /// A capitalised word the text also writes in lower case, unless it is a given name before a
    /// surname ("Will Smith", "Mark Lee").
    private func isCommonCapital(
        _ tokens: [EnrichToken], _ k: Int, _ last: Int, vocabulary: TextVocabulary
    ) -> Bool {
        let token = tokens[k]
        guard token.isWord, token.isCapitalised, !token.isAllCaps, vocabulary.isCommon(at: k),
            k == last || !vocabulary.isNamePair(at: k)
        else {
            return false
        }
        if isGivenName(token.lower), k < last, tokens[k + 1].isCapitalised,
            !vocabulary.isCommon(at: k + 1)
        {
            return false
        }
        return true
    }

    /// Drops lower-case words at both ends of `first...last` ("of" left by a cut).
    private func trimmed(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> (Int, Int) {
        var (a, b) = (first, last)
        while a <= b, !(tokens[a].isWord && tokens[a].isCapitalised) { a += 1 }
        while b >= a, !(tokens[b].isWord && tokens[b].isCapitalised) { b -= 1 }
        return (a, b)
    }

    /// The last token of the longest known place or organisation (up to three words) starting at
    /// `k` and ending by `last`.
    private func knownSpan(_ tokens: [EnrichToken], _ k: Int, _ last: Int) -> Int? {
        guard tokens[k].isWord, tokens[k].isCapitalised else { return nil }
        var end = min(last, k + 2)
        while end >= k {
            if isKnownName(tokens, k, end) { return end }
            end -= 1
        }
        return nil
    }

    private func isKnownName(_ tokens: [EnrichToken], _ first: Int, _ last: Int) -> Bool {
        guard tokens[first...last].allSatisfy({ $0.isWord }) else { return false }
        return KnownNames.contains(tokens, first, last)
    }
}
