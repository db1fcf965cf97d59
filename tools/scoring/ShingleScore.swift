/// The article-extraction-benchmark overlap of an extracted text with its gold text.
///
/// Tokens are runs of word characters (Unicode letters, numbers and `_`, like Python's `\w+`);
/// each text becomes the multiset of its 4-token shingles (a text of fewer tokens is one shorter
/// shingle). TP/FP/FN count shingles in both, only in the prediction and only in the gold, and are
/// normalised by their sum so a long page weighs no more than a short one.
public struct ShingleScore: Sendable, Equatable {
    /// Shingle length.
    public static let shingleLength = 4

    public var truePositives: Double
    public var falsePositives: Double
    public var falseNegatives: Double

    public init(truePositives: Double, falsePositives: Double, falseNegatives: Double) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Compares `predicted` with `gold`.
    public init(gold: String, predicted: String) {
        let goldShingles = Self.shingles(of: gold)
        let predictedShingles = Self.shingles(of: predicted)
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        for (shingle, goldCount) in goldShingles {
            let predictedCount = predictedShingles[shingle, default: 0]
            truePositives += min(goldCount, predictedCount)
            falseNegatives += max(0, goldCount - predictedCount)
        }
        for (shingle, predictedCount) in predictedShingles {
            falsePositives += max(0, predictedCount - goldShingles[shingle, default: 0])
        }
        let sum = Double(truePositives + falsePositives + falseNegatives)
        let scale = sum > 0 ? 1 / sum : 0
        self.init(
            truePositives: Double(truePositives) * scale, falsePositives: Double(falsePositives) * scale,
            falseNegatives: Double(falseNegatives) * scale)
    }

    /// TP / (TP + FP); 1 when both texts are empty, 0 when nothing predicted matches.
    public var precision: Double {
        if falsePositives == 0 && falseNegatives == 0 { return 1 }
        if truePositives == 0 && falsePositives == 0 { return 0 }
        return truePositives / (truePositives + falsePositives)
    }

    /// TP / (TP + FN); 1 when both texts are empty, 0 when nothing of the gold was found.
    public var recall: Double {
        if falsePositives == 0 && falseNegatives == 0 { return 1 }
        if truePositives == 0 && falseNegatives == 0 { return 0 }
        return truePositives / (truePositives + falseNegatives)
    }

    /// The word tokens of `text`, in order.
    public static func tokens(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        for scalar in text.unicodeScalars {
            let next = text.unicodeScalars.index(after: index)
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let open = start {
                result.append(text[open..<index])
                start = nil
            }
            index = next
        }
        if let open = start { result.append(text[open...]) }
        return result
    }

    /// Letters, numbers and the underscore, as Python's Unicode `\w` reads them.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
                || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The multiset of shingles of `text`, each shingle its tokens joined by a space.
    static func shingles(of text: String) -> [String: Int] {
        let tokens = tokens(of: text)
        guard !tokens.isEmpty else { return [:] }
        var result: [String: Int] = [:]
        let count = max(1, tokens.count - shingleLength + 1)
        for start in 0..<count {
            let shingle = tokens[start..<min(tokens.count, start + shingleLength)].joined(separator: " ")
            result[shingle, default: 0] += 1
        }
        return result
    }
}
