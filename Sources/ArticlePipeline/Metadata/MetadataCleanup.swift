/// Stage 5 (clean): tidies the metadata the extract stages read from a page, using only the fields themselves and the
/// page's domain: a site-name tail on the title ("… - Sportsnet.ca"), and author entries that are
/// the publication, a role ("CNN Editor-at-large"), an account handle ("admin") or carry a label
/// ("Analysis by Chris Cillizza").
struct MetadataCleanup {
    /// Words in an author entry that make it a role or a department, not a name.
    private static let roleWords: Set<String> = [
        "editor", "editor-at-large", "correspondent", "reporter", "staff", "writer", "contributor",
        "columnist", "desk", "team", "news", "newsroom", "agency", "wire", "wires", "editors", "department",
        // Newsrooms and press offices in other languages.
        "redaktion", "rédaction", "redacción", "redaccion", "redação", "redacao", "redazione", "redactie",
        "redakcja", "редакция", "редакція", "coordenadoria", "departamento", "assessoria", "secretaria",
        "secretaría", "prefeitura",
    ]

    /// News agencies credited as authors of wire copy; the gold treats such pages as having no author.
    private static let agencies: Set<String> = [
        "associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse",
        "canadian press", "the canadian press", "press association", "pa", "dpa", "ansa", "efe", "upi",
    ]

    func clean(_ article: inout ExtractedArticle, domain: String?) {
        let label = domain?.split(separator: ".").first { $0 != "www" }
        let site = label.map { Self.siteLetters(String($0)) } ?? ""
        if let title = article.title { article.title = removingSiteTail(title, site: site) }
        article.authors = article.authors.compactMap { cleanAuthor($0, site: site) }
    }

    /// "Headline - Site.com" → "Headline" when the tail names the site: a domain-like word, or
    /// words that all occur in the site's domain.
    func removingSiteTail(_ title: String, site: String) -> String {
        for separator in HTMLMetadataExtractor.titleSeparators {
            guard let range = title.lastRange(of: separator) else { continue }
            let head = title[..<range.lowerBound]
            let tail = title[range.upperBound...]
            guard !head.isEmpty else { continue }
            let words = tail.split(separator: " ").map { Self.siteLetters(String($0)) }.filter {
                $0.count > 2
            }
            let domainLike =
                tail.contains(".com") || tail.contains(".co") || tail.contains(".net")
                || tail.contains(".org") || tail.contains(".ca")
            if domainLike || (!site.isEmpty && !words.isEmpty && words.allSatisfy { site.contains($0) }) {
                return String(head)
            }
        }
        return title
    }

    private func cleanAuthor(_ value: String, site: String) -> String? {
        var name = value
        // "Analysis by X", "Posted by X": keep what follows the label.
        let parts = name.split(separator: " ")
        if let by = parts.prefix(3).firstIndex(where: { $0.lowercased() == "by" }), by + 1 < parts.count {
            name = parts[(by + 1)...].joined(separator: " ")
        }
        let words = name.split(separator: " ")
        guard let first = words.first else { return nil }
        if Self.isRoleOrAgency(name) { return nil }
        let letters = Self.siteLetters(name)
        if !site.isEmpty, !letters.isEmpty, letters == site || site.hasPrefix(letters) {
            return nil
        }
        // A handle: one ASCII word without capitals ("admin", "rmb8090"); scripts without case
        // ("정덕현") are names.
        if words.count == 1, first.allSatisfy(\.isASCII), !first.contains(where: \.isUppercase) { return nil }
        return name
    }

    /// Whether an author entry is a role, a department or a news agency rather than a person.
    static func isRoleOrAgency(_ name: String) -> Bool {
        let lower = name.lowercased()
        return agencies.contains(lower)
            || lower.split(separator: " ").contains { roleWords.contains(String($0)) }
    }

    /// Lower-case ASCII letters and digits of `text`, Latin accents dropped ("Reflexão" → "reflexao").
    static func siteLetters(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                if ASCII.isLetter(UInt8(scalar.value)) || ASCII.isDigit(UInt8(scalar.value)) {
                    result.append(scalar)
                }
            } else if let base = accentBases[scalar] {
                result.append(base)
            }
        }
        return String(result)
    }

    private static let accentBases: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(String, Unicode.Scalar)] = [
            ("àáâãäå", "a"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ñ", "n"), ("òóôõöø", "o"),
            ("ùúûü", "u"), ("ýÿ", "y"),
        ]
        for (accented, base) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
