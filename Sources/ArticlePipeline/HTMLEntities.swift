/// Decodes character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x2014;`) in text and attribute values.
///
/// Covers the named references news pages actually use rather than all 2,231 of the HTML standard;
/// unknown names are kept as written, which is what browsers do for unknown names too.
enum HTMLEntities {
    /// Name → replacement, built once from a compact table.
    static let named: [String: String] = {
        var table: [String: String] = [:]
        let pairs = namedTable.split(separator: " ")
        var index = 0
        while index + 1 < pairs.count {
            table[String(pairs[index])] = String(pairs[index + 1])
            index += 2
        }
        table["nbsp"] = "\u{00A0}"
        table["ensp"] = "\u{2002}"
        table["emsp"] = "\u{2003}"
        table["thinsp"] = "\u{2009}"
        table["shy"] = "\u{00AD}"
        table["zwnj"] = "\u{200C}"
        table["zwj"] = "\u{200D}"
        table["lrm"] = "\u{200E}"
        table["rlm"] = "\u{200F}"
        return table
    }()

    /// Names browsers also accept without the final semicolon (the common legacy ones).
    private static let legacyWithoutSemicolon: Set<String> = [
        "amp", "lt", "gt", "quot", "nbsp", "copy", "reg",
    ]

    private static let namedTable = """
        amp & lt < gt > quot " apos ' mdash — ndash – hellip … lsquo ‘ rsquo ’ ldquo “ rdquo ” \
        sbquo ‚ bdquo „ laquo « raquo » lsaquo ‹ rsaquo › copy © reg ® trade ™ deg ° plusmn ± \
        times × divide ÷ middot · bull • para ¶ sect § cent ¢ pound £ euro € yen ¥ curren ¤ \
        frac12 ½ frac14 ¼ frac34 ¾ sup1 ¹ sup2 ² sup3 ³ iexcl ¡ iquest ¿ ordf ª ordm º micro µ \
        dagger † Dagger ‡ permil ‰ prime ′ Prime ″ larr ← rarr → uarr ↑ darr ↓ harr ↔ minus − \
        not ¬ macr ¯ acute ´ cedil ¸ uml ¨ brvbar ¦ circ ˆ tilde ˜ \
        agrave à Agrave À aacute á Aacute Á acirc â Acirc Â atilde ã Atilde Ã auml ä Auml Ä \
        aring å Aring Å aelig æ AElig Æ ccedil ç Ccedil Ç egrave è Egrave È eacute é Eacute É \
        ecirc ê Ecirc Ê euml ë Euml Ë igrave ì Igrave Ì iacute í Iacute Í icirc î Icirc Î \
        iuml ï Iuml Ï eth ð ETH Ð ntilde ñ Ntilde Ñ ograve ò Ograve Ò oacute ó Oacute Ó \
        ocirc ô Ocirc Ô otilde õ Otilde Õ ouml ö Ouml Ö oslash ø Oslash Ø ugrave ù Ugrave Ù \
        uacute ú Uacute Ú ucirc û Ucirc Û uuml ü Uuml Ü yacute ý Yacute Ý yuml ÿ Yuml Ÿ \
        thorn þ THORN Þ szlig ß oelig œ OElig Œ scaron š Scaron Š zcaron ž Zcaron Ž fnof ƒ \
        alpha α beta β gamma γ delta δ pi π sigma σ omega ω mu μ Delta Δ Omega Ω \
        hearts ♥ spades ♠ clubs ♣ diams ♦ infin ∞ ne ≠ le ≤ ge ≥ asymp ≈ equiv ≡ sum ∑ radic √
        """

    /// What numeric references 0x80–0x9F mean (the windows-1252 characters, per the HTML standard).
    private static let c1Replacements: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Appends `bytes` to `output` with references decoded.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], inAttribute: Bool) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "&") {
                output.append(byte)
                index += 1
                continue
            }
            if let consumed = decodeReference(bytes, at: index, into: &output, inAttribute: inAttribute) {
                index += consumed
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    /// Decodes the reference starting at `start` (an `&`); returns the bytes consumed, or nil.
    private static func decodeReference(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, into output: inout [UInt8], inAttribute: Bool
    ) -> Int? {
        var index = start + 1
        let count = bytes.count
        guard index < count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            var value: UInt32 = 0
            let digitsStart = index
            while index < count, let digit = digitValue(bytes[index], hex: hex), index - digitsStart < 8 {
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart else { return nil }
            if index < count, bytes[index] == UInt8(ascii: ";") { index += 1 }
            appendScalar(numericValue(value), to: &output)
            return index - start
        }
        let nameStart = index
        while index < count, index - nameStart < 32,
            ASCII.isLetter(bytes[index]) || ASCII.isDigit(bytes[index])
        {
            index += 1
        }
        guard index > nameStart else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        let hasSemicolon = index < count && bytes[index] == UInt8(ascii: ";")
        if hasSemicolon, let replacement = named[name] {
            output.append(contentsOf: replacement.utf8)
            return index + 1 - start
        }
        // Legacy form without ';' (e.g. "&amp " or "&copy 2024"), but never inside a URL query in an attribute.
        if !hasSemicolon, legacyWithoutSemicolon.contains(name), let replacement = named[name] {
            if inAttribute, index < count, bytes[index] == UInt8(ascii: "=") { return nil }
            output.append(contentsOf: replacement.utf8)
            return index - start
        }
        return nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        if ASCII.isDigit(byte) { return UInt32(byte - 0x30) }
        let lower = byte | 0x20
        if hex, lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "f") { return UInt32(lower - 0x61 + 10) }
        return nil
    }

    private static func numericValue(_ value: UInt32) -> Unicode.Scalar {
        if value >= 0x80 && value <= 0x9F {
            return Unicode.Scalar(c1Replacements[Int(value - 0x80)]) ?? "\u{FFFD}"
        }
        if value == 0 { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private static func appendScalar(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        UTF8.encode(scalar) { output.append($0) }
    }
}
