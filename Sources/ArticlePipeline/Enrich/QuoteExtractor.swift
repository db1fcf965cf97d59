/// A quotation found in the text: scalar offsets of its content (quotation marks excluded).
struct QuoteSpan: Sendable, Equatable {
    var start: Int
    var end: Int
    /// The quote runs on into the next paragraph (its closing mark is missing here, as news style
    /// does for multi-paragraph quotes).
    var continues: Bool
}

/// Finds quotations in curly (“…”, „…“, «…») and straight ("…") double quotation marks. A quote left
/// open at the end of a paragraph ends there; single quotation marks are not read, since they are
/// mostly apostrophes and headline scare quotes.
struct QuoteExtractor {
    /// Quotes longer than this many scalars are taken to be unbalanced marks, not quotations.
    var maxLength = 3_000

    func quotes(in scalars: [Unicode.Scalar]) -> [QuoteSpan] {
        var result: [QuoteSpan] = []
        var openAt: Int?
        var straight = false
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                if let open = openAt { add(scalars, open + 1, i, continues: true, to: &result) }
                openAt = nil
            } else if let open = openAt {
                // Either kind of mark closes: pages mix them (“…," and "…”).
                if c == "\"" || EnrichScalars.isClosingQuote(c) || (c == "“" && scalars[open] == "„") {
                    add(scalars, open + 1, i, continues: false, to: &result)
                    openAt = nil
                } else if !straight, EnrichScalars.isOpeningQuote(c), c != "«" {
                    openAt = i  // an unclosed quote: start again at the new opening mark
                }
            } else if EnrichScalars.isOpeningQuote(c) {
                openAt = i
                straight = false
            } else if c == "\"", opensStraightQuote(scalars, at: i) {
                openAt = i
                straight = true
            }
            i += 1
        }
        if let open = openAt { add(scalars, open + 1, scalars.count, continues: false, to: &result) }
        return result
    }

    /// A straight mark opens a quote at the start of a line or after a space or bracket.
    private func opensStraightQuote(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0 else { return true }
        let before = scalars[i - 1]
        return EnrichScalars.isSpace(before) || before == "(" || before == "[" || before == "—"
            || before == "–" || before == ":"
    }

    /// Records the quote between `rawStart` and `rawEnd`, without surrounding spaces or a trailing
    /// comma (“…,” she said).
    private func add(
        _ scalars: [Unicode.Scalar], _ rawStart: Int, _ rawEnd: Int, continues: Bool,
        to result: inout [QuoteSpan]
    ) {
        var start = rawStart
        var end = rawEnd
        while start < end, EnrichScalars.isSpace(scalars[start]) { start += 1 }
        while end > start, EnrichScalars.isSpace(scalars[end - 1]) || scalars[end - 1] == "," { end -= 1 }
        guard end > start, end - start <= maxLength else { return }
        result.append(QuoteSpan(start: start, end: end, continues: continues))
    }
}
