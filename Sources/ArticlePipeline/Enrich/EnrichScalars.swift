/// Character classes the enrichment stages share.
enum EnrichScalars {
    /// Letters, digits and combining marks.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            return ASCII.isLetter(value) || ASCII.isDigit(value)
        }
        // General punctuation (quotes, dashes, spaces) and Latin-1 are common and need no table.
        if scalar.value >= 0x2000 && scalar.value <= 0x206F { return false }
        if scalar.value < 0x100 {
            return scalar.value >= 0xC0 && scalar.value != 0xD7 && scalar.value != 0xF7
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default: return false
        }
    }

    /// White space, with an ASCII fast path.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 9 && scalar.value <= 13) }
        if scalar.value >= 0x2010 && scalar.value <= 0x2027 { return false }  // dashes, quotes, bullets
        return scalar.properties.isWhitespace
    }

    @inline(__always)
    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return scalar.properties.isUppercase
    }

    @inline(__always)
    static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x61 && scalar.value <= 0x7A }
        return scalar.properties.isLowercase
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
