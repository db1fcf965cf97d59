/// Tells the language of a text (ISO 639-1) from its script and, for Latin and Cyrillic text, from
/// the frequent function words of each language. Cheap: reads at most the first few hundred words.
struct LanguageDetector {
    /// What the detector concluded and how sure it is.
    struct Detection: Sendable, Equatable {
        var code: String
        /// True when the evidence is strong enough to overrule a page's own declaration.
        var confident: Bool
    }

    /// Words read at most.
    private let maxWords = 400

    func detect(scalars: [Unicode.Scalar], tokens: [EnrichToken]) -> Detection? {
        var counts: [String: Int] = [:]
        var letters = 0
        var latin = 0
        for scalar in scalars.prefix(3_000) {
            if scalar.isASCII {
                if ASCII.isLetter(UInt8(scalar.value)) {
                    letters += 1
                    latin += 1
                }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            letters += 1
            guard let script = Self.script(of: scalar) else { continue }
            counts[script, default: 0] += 1
            if script == "fa" || script == "ur" { counts["ar", default: 0] += 1 }
        }
        counts["latin", default: 0] += latin
        guard letters >= 20 else { return nil }
        let (script, count) = counts.max { $0.value < $1.value } ?? ("latin", 0)
        guard count * 10 >= letters * 3 else { return nil }
        switch script {
        case "latin": return byWords(tokens, \.latinLanguages, LanguageProfiles.latin)
        case "cyrillic": return byWords(tokens, \.cyrillicLanguages, LanguageProfiles.cyrillic)
        case "kana": return .init(code: "ja", confident: true)
        case "han": return .init(code: (counts["kana"] ?? 0) * 20 > count ? "ja" : "zh", confident: true)
        case "ar":
            // Persian and Urdu use a few letters Arabic lacks; their share of the letters decides.
            let persian = counts["fa"] ?? 0
            let urdu = counts["ur"] ?? 0
            let code = urdu * 50 > count ? "ur" : persian * 30 > count ? "fa" : "ar"
            return .init(code: code, confident: count * 2 >= letters)
        default: return .init(code: script, confident: count * 2 >= letters)
        }
    }

    private func byWords(
        _ tokens: [EnrichToken], _ languages: KeyPath<WordInfo, UInt32>,
        _ profiles: [(code: String, words: String)]
    ) -> Detection? {
        var scores = [Int](repeating: 0, count: profiles.count)
        var words = 0
        for token in tokens where token.isWord {
            words += 1
            if words > maxWords { break }
            var bits = token.info[keyPath: languages]
            while bits != 0 {
                let index = bits.trailingZeroBitCount
                scores[index] += 1
                bits &= bits - 1
            }
        }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] }
        guard let best = ranked.first, scores[best] >= 3 else { return nil }
        let second = ranked.count > 1 ? scores[ranked[1]] : 0
        let confident = scores[best] >= 12 && scores[best] * 2 >= second * 3 && scores[best] * 5 >= words
        return .init(code: profiles[best].code, confident: confident)
    }

    /// The script of a letter, named by its language code where one language owns the script.
    private static func script(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return "latin"
        case 0x400...0x4FF: return "cyrillic"
        case 0x370...0x3FF: return "el"
        case 0x590...0x5FF: return "he"
        case 0x600...0x6FF: return arabicLanguage(scalar)
        case 0x900...0x97F: return "hi"
        case 0x980...0x9FF: return "bn"
        case 0xA00...0xA7F: return "pa"
        case 0xA80...0xAFF: return "gu"
        case 0xB80...0xBFF: return "ta"
        case 0xC00...0xC7F: return "te"
        case 0xC80...0xCFF: return "kn"
        case 0xD00...0xD7F: return "ml"
        case 0xE00...0xE7F: return "th"
        case 0x10A0...0x10FF: return "ka"
        case 0x530...0x58F: return "hy"
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return "ko"
        case 0x3040...0x30FF: return "kana"
        case 0x4E00...0x9FFF, 0x3400...0x4DBF: return "han"
        default: return nil
        }
    }

    /// Persian and Urdu letters mark those languages; other Arabic-script text is Arabic.
    private static func arabicLanguage(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x679, 0x688, 0x691, 0x6BA, 0x6BE, 0x6C1, 0x6D2: return "ur"
        case 0x67E, 0x686, 0x698, 0x6AF, 0x6A9, 0x6CC: return "fa"
        default: return "ar"
        }
    }
}
