/// Splits an image caption from the credit that pages append to it, e.g.
/// "Crowds at the port. Photo: Jane Roe/Agency" or "Crowds at the port. (Jane Roe/Getty Images)".
enum ImageCredit {
    /// Phrases that introduce a credit, in the form they appear in running text.
    static let markers = [
        "Photo by ", "Photograph by ", "Photos by ", "Photo: ", "Photograph: ", "Photos: ", "Credit: ",
        "Image: ", "Picture: ", "Image credit: ", "Photo credit: ", "Foto: ",
    ]
    /// Credits longer than this are more likely prose than a name and an agency.
    static let maxCreditLength = 80

    /// The caption without its credit, and the credit when one was recognised.
    static func split(_ text: String) -> (caption: String?, credit: String?) {
        let trimmed = text.collapsingWhitespace()
        if let parenthesised = trailingParenthesis(trimmed) {
            return (nonEmpty(parenthesised.caption), parenthesised.credit)
        }
        var best: Range<String.Index>?
        for marker in markers {
            // The byte test first: `ranges(of:)` compares Characters, and costs ~100× more.
            guard trimmed.containsBytes(marker), let range = trimmed.ranges(of: marker).last else { continue }
            let atBoundary =
                range.lowerBound == trimmed.startIndex
                || trimmed[trimmed.index(before: range.lowerBound)] == " "
            if atBoundary, best == nil || range.lowerBound > best!.lowerBound { best = range }
        }
        guard let best else { return (nonEmpty(trimmed), nil) }
        let credit = cleanCredit(String(trimmed[best.upperBound...]))
        guard !credit.isEmpty, credit.count <= maxCreditLength else { return (nonEmpty(trimmed), nil) }
        let caption = String(trimmed[..<best.lowerBound]).trimmingCharacters(in: " |–—-")
        return (nonEmpty(caption), credit)
    }

    /// "(Jane Roe/Getty Images)" or "(Photo: Agency)" at the very end of a caption.
    private static func trailingParenthesis(_ text: String) -> (caption: String, credit: String)? {
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return nil }
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        let lower = inner.lowercased()
        let creditLike =
            inner.contains("/") || lower.hasPrefix("photo") || lower.hasPrefix("credit")
            || lower.hasPrefix("image")
            || ["getty", "reuters", "afp", "associated press", "ap photo", "epa", "shutterstock"].contains {
                lower.contains($0)
            }
        guard creditLike, inner.count <= maxCreditLength else { return nil }
        var credit = inner
        for marker in markers where credit.hasPrefix(marker) {
            credit = String(credit.dropFirst(marker.count))
        }
        return (String(text[..<open]).trimmingCharacters(in: " "), cleanCredit(credit))
    }

    private static func cleanCredit(_ credit: String) -> String {
        credit.trimmingCharacters(in: " .;|")
    }

    private static func nonEmpty(_ text: String) -> String? {
        text.isEmpty ? nil : text
    }
}

extension String {
    /// The string without leading and trailing characters from `set` (a small literal set).
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var start = startIndex
        var end = endIndex
        while start < end, characters.contains(self[start]) { start = index(after: start) }
        while end > start, characters.contains(self[index(before: end)]) { end = index(before: end) }
        return String(self[start..<end])
    }
}
