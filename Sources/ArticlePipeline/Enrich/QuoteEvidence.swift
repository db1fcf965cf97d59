/// Which quotations are someone's words rather than marks around a term, a title or an example.
///
/// A quote whose speaker the text names is kept. One without a speaker is kept only as a sentence's
/// worth of words (three or more, not a title in capitals such as "Buy for Me") in a text that
/// reports speech elsewhere (some quote has a speaker); in a guide that quotes nobody, unattributed
/// marks are scare quotes ("a 'smart' plug"), search queries and model phrases.
struct QuoteEvidence {
    /// Fewest words of an unattributed quote.
    private static let unattributedWords = 3

    /// For each of `spans` with its attribution, whether it is kept as a quote.
    static func keep(
        _ spans: [QuoteSpan], _ attributions: [SpeakerAttributor.Attribution], scalars: [Unicode.Scalar]
    ) -> [Bool] {
        let reportsSpeech = attributions.contains { $0.speaker != nil }
        return zip(spans, attributions).map { span, attribution in
            if attribution.speaker != nil { return true }
            // The shape is read only where it decides.
            guard reportsSpeech else { return false }
            let shape = Shape(scalars[span.start..<span.end])
            return shape.words >= unattributedWords && !shape.titleCase
        }
    }

    /// Words of a quote, and whether every longer word is capitalised ("Move to Zero"). ASCII
    /// scalars are classified by their code (the answers of their Unicode properties, without the
    /// property tables).
    private struct Shape {
        var words = 0
        var titleCase = true

        init(_ scalars: ArraySlice<Unicode.Scalar>) {
            var inWord = false
            var first: Unicode.Scalar = " "
            var letters = 0
            func endWord() {
                guard inWord else { return }
                words += 1
                if letters >= 4, !Self.isUppercase(first) { titleCase = false }
            }
            for scalar in scalars {
                if Self.isWhitespace(scalar) {
                    endWord()
                    inWord = false
                } else {
                    if !inWord {
                        inWord = true
                        first = scalar
                        letters = 0
                    }
                    if Self.isAlphabetic(scalar) { letters += 1 }
                }
            }
            endWord()
        }

        @inline(__always)
        private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.isASCII else { return scalar.properties.isWhitespace }
            return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)
        }

        @inline(__always)
        private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.isASCII else { return scalar.properties.isAlphabetic }
            return ASCII.isLetter(UInt8(scalar.value))
        }

        @inline(__always)
        private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.isASCII else { return scalar.properties.isUppercase }
            return scalar.value >= 0x41 && scalar.value <= 0x5A
        }
    }
}
