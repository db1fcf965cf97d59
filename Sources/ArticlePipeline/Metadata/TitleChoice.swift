/// Chooses a page's title: its headline, not the document title. The candidates the page declares
/// (`og:title` or `twitter:title`, JSON-LD `headline`, `<title>`) are cut into segments at title
/// separators; segments that name the site (the `og:site_name`, the application name, the host's
/// labels, an acronym of the site name, a domain) are dropped from both ends, and what follows
/// the first segment after a dash or a bar is a tagline ("Headline - Tagline | Site" → "Headline").
/// The first `<h1>` that agrees with those heads (most of its words are in one of them) and is not
/// itself the site name is the headline; without one, a heading marked as the headline, then the
/// head of the first candidate, then the first heading.
struct TitleChoice {
    /// A top-level heading of the page, as read.
    struct Heading: Equatable {
        var text: String
        /// Its class or itemprop says "headline" or "title".
        var marked: Bool
        /// Its node in the parsed page, when read from one.
        var node: Int? = nil
    }

    /// Separators between the parts of a title.
    static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ", " • ", " / ", " ~ "]

    /// Separators after whose first part the rest is a tagline or a site name.
    static let taglineSeparators: Set<String> = [" | ", " - ", " – ", " — "]

    /// One-word labels that forum and archive pages put before the title ("Thread: …").
    static let pageLabels: Set<String> = [
        "thread", "topic", "title", "blog", "collection", "category", "tag", "archive", "archives", "re",
        "forum", "view topic",
    ]

    /// Host labels that name a part of a site, not the site ("forum.example.com").
    private static let genericHostLabels: Set<String> = [
        "www", "m", "forum", "forums", "blog", "blogs", "docs", "doc", "news", "shop", "store", "community",
        "discuss", "boards", "en", "de", "fr", "es", "developer", "developers", "help", "support", "pages",
        "app", "web", "home", "info", "go", "my", "the",
    ]

    /// Second-level labels of country domains ("example.co.uk").
    private static let secondLevelLabels: Set<String> = [
        "co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go",
    ]

    /// `og:title` (or `twitter:title`).
    var openGraphTitle: String?
    /// The first JSON-LD `headline`.
    var jsonLDHeadline: String?
    /// The page's `<title>`.
    var documentTitle: String?
    /// The page's `<h1>` headings in document order.
    var headings: [Heading]
    /// Names the page gives itself: `og:site_name`, `application-name`.
    var siteNames: [String]
    /// The page's host, from its canonical link or `og:url`, when it states one.
    var host: String?

    /// Declared titles, most trusted first.
    var declared: [String] {
        [openGraphTitle, jsonLDHeadline, documentTitle].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// The chosen title, or nil when the page offers none.
    func choose() -> String? {
        chooseWithHeading().title
    }

    /// The chosen title and the heading it was read from, when it was read from one.
    func chooseWithHeading() -> (title: String?, heading: Heading?) {
        let keys = siteKeys()
        var dropped: Set<String> = []
        let heads = declared.compactMap { head(of: $0, keys: keys, dropped: &dropped) }
        // Headings are compared with the declared titles before their taglines are cut.
        let fullHeads = declared.compactMap { head(of: $0, keys: keys, dropped: &dropped, tagline: false) }
        // A heading that is a later part of a declared title names the site or a section.
        let laterParts = Set(
            declared.flatMap { Self.segments(of: $0).segments.dropFirst() }.map(MetadataCleanup.siteLetters))
        for heading in headings {
            let letters = MetadataCleanup.siteLetters(heading.text)
            if !letters.isEmpty,
                dropped.contains(letters) || keys.contains(letters) || laterParts.contains(letters)
            {
                continue
            }
            guard Self.agrees(heading.text, with: fullHeads) else { continue }
            // The heading is shown as the headline: only site names go, not what reads as a tagline.
            var ignored: Set<String> = []
            var text = head(of: heading.text, keys: keys, dropped: &ignored, tagline: false) ?? heading.text
            // A heading in capitals that only differs by case from a declared title: the declared
            // one keeps the words' own case.
            if let first = heads.first, Self.isCapitals(text), first.lowercased() == text.lowercased() {
                text = first
            }
            return (Self.removingPageLabel(text), heading)
        }
        if let first = headings.first {
            // A heading marked as the headline, or any heading when the only titles are a word or two.
            let shortTitle =
                openGraphTitle == nil
                && (heads.first.map {
                    $0.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count
                } ?? 0) < 3
            if first.marked || shortTitle { return (Self.removingPageLabel(first.text), first) }
        }
        guard var result = heads.first else {
            return (headings.first.map { Self.removingPageLabel($0.text) }, headings.first)
        }
        // A shortened declared title gives way to a fuller one that goes on in the same words.
        for full in heads where full.count > result.count && full.hasPrefix(result + " ") {
            let rest = full.dropFirst(result.count)
            if !Self.separators.contains(where: { rest.hasPrefix($0) }) {
                result = full
                break
            }
        }
        return (Self.removingPageLabel(result), nil)
    }

    /// The letters of every name the site goes by: its declared names and its host's labels.
    func siteKeys() -> Set<String> {
        var keys: Set<String> = []
        if let host {
            var labels = host.lowercased().split(separator: ".").map(String.init)
            if labels.count >= 2 {
                labels.removeLast()
                if labels.count >= 2, let last = labels.last, Self.secondLevelLabels.contains(last) {
                    labels.removeLast()
                }
            }
            for label in labels where !Self.genericHostLabels.contains(label) {
                keys.insert(MetadataCleanup.siteLetters(label))
            }
        }
        for name in siteNames { keys.insert(MetadataCleanup.siteLetters(name)) }
        return keys.filter { $0.count >= 2 }
    }

    /// `title` without site-name segments at either end and (when `tagline`) without a tagline;
    /// nil when empty. The letters of every dropped segment go into `dropped`.
    func head(
        of title: String, keys: Set<String>, dropped: inout Set<String>, tagline: Bool = true
    ) -> String? {
        var (segments, separators) = Self.segments(of: title)
        guard !segments.isEmpty else { return nil }
        while segments.count > 1, let last = segments.last, isSiteName(last, keys: keys) {
            dropped.insert(MetadataCleanup.siteLetters(last))
            segments.removeLast()
            separators.removeLast()
        }
        while segments.count > 1, isSiteName(segments[0], keys: keys) {
            dropped.insert(MetadataCleanup.siteLetters(segments[0]))
            segments.removeFirst()
            separators.removeFirst()
        }
        if tagline, segments.count > 1, Self.taglineSeparators.contains(separators[0]),
            Self.words(segments[0]).count >= 2
        {
            return segments[0]
        }
        var result = segments[0]
        for (separator, segment) in zip(separators, segments.dropFirst()) { result += separator + segment }
        return result
    }

    /// Whether a title segment names the site: a domain, one of the site's names (or a part of
    /// one), or the initials of its declared name in capitals ("WFA" for "World Future Awards").
    func isSiteName(_ segment: String, keys: Set<String>) -> Bool {
        let letters = MetadataCleanup.siteLetters(segment)
        // Signs only ("|", "»") are no headline; a segment in another script is compared by nothing.
        guard !letters.isEmpty else { return !segment.contains(where: { $0.isLetter || $0.isNumber }) }
        let lower = segment.lowercased()
        for domain in [".com", ".org", ".net", ".co", ".io", ".gov", ".edu"] where lower.contains(domain) {
            return true
        }
        for key in keys {
            if letters == key || (letters.count >= 3 && key.contains(letters)) { return true }
            if key.count >= 4, letters.contains(key), letters.count <= key.count + 12 { return true }
        }
        if letters.count >= 2, Self.isCapitals(segment) {
            return siteNames.contains { Self.initials($0) == letters }
        }
        return false
    }

    /// The segments of `title` between separators (trimmed, non-empty) and the separator before
    /// each segment after the first.
    static func segments(of title: String) -> (segments: [String], separators: [String]) {
        var pairs: [(separator: String, segment: String)] = []
        var rest = Substring(title)
        var before = ""
        while true {
            var earliest: (range: Range<Substring.Index>, separator: String)?
            for separator in Self.separators {
                guard let range = rest.firstRange(of: separator) else { continue }
                if range.lowerBound < earliest?.range.lowerBound ?? rest.endIndex {
                    earliest = (range, separator)
                }
            }
            let end = earliest?.range.lowerBound ?? rest.endIndex
            let part = String(rest[..<end]).trimmingASCIIWhitespace()
            if !part.isEmpty { pairs.append((before, part)) }
            guard let (range, separator) = earliest else { break }
            before = separator
            rest = rest[range.upperBound...]
        }
        return (pairs.map(\.segment), pairs.dropFirst().map(\.separator))
    }

    /// Whether most (60%) of the heading's words are in one of `titles`.
    static func agrees(_ heading: String, with titles: [String]) -> Bool {
        let headingWords = words(heading)
        guard !headingWords.isEmpty else { return false }
        for title in titles {
            let known = Set(words(title))
            let shared = headingWords.filter { known.contains($0) }.count
            if Double(shared) >= 0.6 * Double(headingWords.count) { return true }
        }
        return false
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Has letters, none of them lower-case.
    static func isCapitals(_ text: String) -> Bool {
        text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }

    /// Lower-cased first letters of the words of `name` ("World Future Awards" → "wfa").
    static func initials(_ name: String) -> String {
        String(words(name).compactMap(\.first))
    }

    /// "Thread: Title" → "Title" for the labels forum and archive pages put first.
    static func removingPageLabel(_ title: String) -> String {
        guard let colon = title.firstIndex(of: ":") else { return title }
        let label = String(title[..<colon]).trimmingASCIIWhitespace().lowercased()
        let rest = String(title[title.index(after: colon)...]).trimmingASCIIWhitespace()
        guard pageLabels.contains(label), !rest.isEmpty else { return title }
        return rest
    }
}
