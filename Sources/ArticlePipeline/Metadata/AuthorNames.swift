/// Splits and tidies author strings as pages write them: "By A, B and C", "A & B", "Jane Doe |
/// Example Newsroom", "Keith Barry Senior Autos Reporter", "Lance Ryan (Content Manager)".
enum AuthorNames {
    /// Words that start a role after a name ("… Senior Autos Reporter", "… Staff Writer").
    static let roleStarts: Set<String> = [
        "senior", "chief", "managing", "contributing", "associate", "deputy", "executive", "staff", "special",
        "lead", "editor", "reporter", "correspondent", "writer", "columnist", "contributor",
        "editor-at-large",
    ]

    /// Separators after which an author entry goes on with an affiliation.
    private static let affiliationSeparators = [" | ", " - ", " – ", " — ", " · "]

    /// The names of `values` in first-seen order: split at commas, semicolons, " and " and " & ",
    /// each tidied by `tidy`; a name whose words are all in an earlier one is a repeat.
    static func split(_ values: [String]) -> [String] {
        var result: [String] = []
        for value in values {
            var text = value
            if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
            // "By" run into the name where the markup put them in separate elements ("BySummer Swann").
            if text.hasPrefix("By"), text.dropFirst(2).first?.isUppercase == true {
                text = String(text.dropFirst(2))
            }
            let parts = text.split(whereSeparator: { $0 == "," || $0 == ";" }).flatMap(splitAtConjunctions)
            for part in parts {
                let name = tidy(String(part))
                guard !name.isEmpty else { continue }
                let words = Set(name.lowercased().split(separator: " "))
                let repeated = result.contains { earlier in
                    words.isSubset(of: Set(earlier.lowercased().split(separator: " ")))
                }
                if !repeated { result.append(name) }
            }
        }
        return result
    }

    /// `part` split at " and " and " & ", by one scan of its bytes (`split(separator:)` with a
    /// string searches generically, costly on every byline read).
    private static func splitAtConjunctions(_ part: Substring) -> [Substring] {
        let bytes = part.utf8
        var pieces: [Substring] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var width = 0
            if bytes[index] == 0x20 {
                let rest = bytes[bytes.index(after: index)...]
                if rest.starts(with: "and ".utf8) {
                    width = 5
                } else if rest.starts(with: "& ".utf8) {
                    width = 3
                }
            }
            guard width > 0 else {
                index = bytes.index(after: index)
                continue
            }
            pieces.append(Substring(bytes[start..<index]))
            index = bytes.index(index, offsetBy: width)
            start = index
        }
        pieces.append(Substring(bytes[start..<bytes.endIndex]))
        return pieces.filter { !$0.isEmpty }
    }

    /// One entry without an affiliation after a separator (when what comes before reads as a
    /// person's name), a closing parenthesis or a trailing role.
    static func tidy(_ entry: String) -> String {
        var name = entry.trimmingASCIIWhitespace()
        // Separator signs left at either end ("Haley Hoekstra •").
        let signs: Set<Character> = ["•", "·", "|", "-", "–", "—", ":"]
        while let last = name.last, signs.contains(last) || last == " " { name.removeLast() }
        while let first = name.first, signs.contains(first) || first == " " { name.removeFirst() }
        for separator in affiliationSeparators {
            guard let range = name.firstByteRange(of: separator) else { continue }
            let head = String(name[..<range.lowerBound])
            if isPersonLike(head) { name = head }
        }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex {
            let head = String(name[..<open]).trimmingASCIIWhitespace()
            if isPersonLike(head) { name = head }
        }
        let words = name.split(separator: " ")
        if words.count > 2,
            let role = words.indices.dropFirst(2).first(where: { roleStarts.contains(words[$0].lowercased()) }
            )
        {
            let head = words[..<role].joined(separator: " ")
            if isPersonLike(head) { name = head }
        }
        return name.trimmingASCIIWhitespace()
    }

    /// Two to four words, each starting with a capital (or a name particle such as "van", "de").
    static func isPersonLike(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            (word.first?.isUppercase ?? false) || particles.contains(word.lowercased())
        }
    }

    /// Lower-case words inside names ("Marna van der Merwe", "Juan de la Cruz").
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "la", "le", "du", "da", "di", "del", "della", "dos", "das", "bin",
        "al", "ten",
    ]

    /// Whether an entry cannot be a name: an e-mail address, a link, digits only.
    static func isNotAName(_ entry: String) -> Bool {
        entry.contains("@") || entry.contains("/") || entry.lowercased().hasPrefix("www.")
            || entry.allSatisfy { $0.isNumber || $0 == " " }
    }
}
