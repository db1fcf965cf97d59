/// Character classes the enrichment stages share.
enum EnrichScalars {
    /// Letters, digits and combining marks.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            return ASCII.isLetter(value) || ASCII.isDigit(value)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default: return false
        }
    }

    /// Marks that join two word parts into one token: hyphens and apostrophes ("30-day", "O’Brien").
    @inline(__always)
    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "'" || scalar == "’" || scalar == "\u{2011}"
    }

    static func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "“" || scalar == "„" || scalar == "«"
    }

    static func isClosingQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "”" || scalar == "»"
    }
}
