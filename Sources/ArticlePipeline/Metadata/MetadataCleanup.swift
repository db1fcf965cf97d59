/// Stage 5 (clean): tidies the metadata the extract stages read from a page, using only the fields themselves and the
/// page's domain: a site-name tail on the title ("… - Sportsnet.ca"), and author entries that carry a
/// label ("Analysis by Chris Cillizza"), are a news agency, a generic account ("admin"), or the
/// publication or a role credited beside people ("Tanza Loudenback, Business Insider"). A team or
/// the publication alone stays: the page gave it as its byline.
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
        var names = article.authors.compactMap { cleanAuthor($0) }
        // A product, service or listing page has no byline: only a person's name declared for it
        // stays (names in scripts without case cannot be told apart and stay too).
        if let type = article.pageType, type != "article", type != "forum" {
            names = names.filter { name in
                let cased = name.contains { $0.isUppercase || $0.isLowercase }
                return (AuthorNames.isPersonLike(name) || !cased) && !Self.isRoleOrAgency(name)
            }
        }
        // The publication, a role or an account handle beside people is a credit, not an author.
        let people = names.filter {
            !Self.isRoleOrAgency($0) && !isSite($0, site: site) && !Self.isHandle($0)
        }
        article.authors = people.isEmpty ? names : people
    }

    /// Whether an author entry is the site named by the domain label `site`.
    private func isSite(_ name: String, site: String) -> Bool {
        let letters = Self.siteLetters(name)
        return !site.isEmpty && !letters.isEmpty && (letters == site || site.hasPrefix(letters))
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

    private func cleanAuthor(_ value: String) -> String? {
        var name = value
        // "Analysis by X", "Posted by X": keep what follows the label.
        let parts = name.split(separator: " ")
        if let by = parts.prefix(3).firstIndex(where: { $0.lowercased() == "by" }), by + 1 < parts.count {
            name = parts[(by + 1)...].joined(separator: " ")
        }
        guard !name.isEmpty, !Self.isAgency(name), !Self.isGenericAccount(name),
            !AuthorNames.isNotAName(name),
            !HTMLMetadataExtractor.isInterfaceText(name)
        else { return nil }
        // A lower-case word of three letters or fewer is initials or a code, not a name; scripts
        // without case ("정덕현") are names.
        if !name.contains(" "), name.count <= 3, name.allSatisfy(\.isASCII),
            !name.contains(where: \.isUppercase)
        {
            return nil
        }
        return name
    }

    /// One ASCII word without capitals ("rmb8090"): an account name.
    static func isHandle(_ name: String) -> Bool {
        !name.contains(" ") && name.allSatisfy(\.isASCII) && !name.contains(where: \.isUppercase)
    }

    /// Accounts that stand for no one ("admin", "webmaster").
    private static let genericAccounts: Set<String> = [
        "admin", "administrator", "webmaster", "user", "guest", "root", "editor", "author", "unknown",
        "anonymous", "undefined", "null", "username", "none",
    ]

    /// Whether `name` is a generic account rather than a person's name or handle.
    static func isGenericAccount(_ name: String) -> Bool {
        genericAccounts.contains(name.lowercased())
    }

    /// Whether `name` is a news agency credited for wire copy.
    static func isAgency(_ name: String) -> Bool {
        agencies.contains(name.lowercased())
    }

    /// Words that make a name a team of writers ("Podium Staff", "The Meetingnotes Team").
    private static let teamWords: Set<String> = [
        "team", "staff", "editors", "editorial", "contributor", "newsroom",
    ]

    /// Whether an author entry names a team of writers of two to five words, not an agency.
    static func isTeam(_ name: String) -> Bool {
        let words = name.lowercased().split(separator: " ")
        return (2...5).contains(words.count) && words.contains { teamWords.contains(String($0)) }
            && !isAgency(name)
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
