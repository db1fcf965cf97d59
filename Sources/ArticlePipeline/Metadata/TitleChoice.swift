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
    static let taglineSeparators: Set<String> = [" | ", " - ", " – ", " — ", " / "]

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

    /// What a domain name in a title ends with.
    private static let domainEndings = [".com", ".org", ".net", ".co", ".io", ".gov", ".edu"]

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
    /// The page's headings are slogans rather than its name (a service's landing page: "We make
    /// tax simple" over "Tax advice for small firms | Example"): a declared title wins.
    var headingsAreSlogans = false

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
        // Each declared title's segments without the site's, once; read with and without the tagline.
        let stripped = declared.map { siteless(Self.segments(of: $0), keys: keys, dropped: &dropped) }
        let heads = stripped.compactMap { Self.head(of: $0, tagline: true) }
        // Headings are compared with the declared titles before their taglines are cut.
        let fullHeads = stripped.compactMap { Self.head(of: $0, tagline: false) }
        // A heading that is a later part of a declared title names the site or a section.
        // A later part that is a declared title's head ("Site - Headline") is the headline itself.
        let laterParts = Set(
            declared.flatMap { Self.segments(of: $0).segments.dropFirst() }.map(MetadataCleanup.siteLetters)
        ).subtracting(fullHeads.map(MetadataCleanup.siteLetters))
        // A heading that names the site (a menu's "Example Book" over "Chapter - Example Book") is
        // never the headline, marked as a title or not.
        let namesSite = { (heading: Heading) -> Bool in
            let letters = MetadataCleanup.siteLetters(heading.text)
            return !letters.isEmpty
                && (dropped.contains(letters) || keys.contains(letters) || laterParts.contains(letters))
        }
        for heading in headings where !(headingsAreSlogans && !heads.isEmpty) {
            guard !namesSite(heading) else { continue }
            guard Self.agrees(heading.text, with: fullHeads) else { continue }
            // The heading is shown as the headline: only site names go, not what reads as a tagline.
            var ignored: Set<String> = []
            var text =
                Self.head(
                    of: siteless(Self.segments(of: heading.text), keys: keys, dropped: &ignored),
                    tagline: false)
                ?? heading.text
            // A heading in capitals that only differs by case from a declared title: the declared
            // one keeps the words' own case.
            if let first = heads.first, Self.isCapitals(text), first.lowercased() == text.lowercased() {
                text = first
            }
            return (Self.removingPageLabel(text), heading)
        }
        if let first = headings.first(where: { !namesSite($0) }), !(headingsAreSlogans && !heads.isEmpty) {
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

    /// A title's segments without site-name segments at either end; the letters of every
    /// dropped segment go into `dropped`.
    func siteless(
        _ parts: (segments: [String], separators: [String]), keys: Set<String>, dropped: inout Set<String>
    ) -> (segments: [String], separators: [String]) {
        var (segments, separators) = parts
        guard !segments.isEmpty else { return parts }
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
        return (segments, separators)
    }

    /// The title the segments make, without a tagline when `tagline`; nil when there are none.
    static func head(of parts: (segments: [String], separators: [String]), tagline: Bool) -> String? {
        let (segments, separators) = parts
        guard let first = segments.first else { return nil }
        if tagline, segments.count > 1, Self.taglineSeparators.contains(separators[0]),
            words(first).count >= 2
        {
            return first
        }
        var result = first
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
        for domain in Self.domainEndings where lower.containsBytes(domain) { return true }
        let length = letters.utf8.count
        for key in keys {
            if letters == key || (length >= 3 && key.containsBytes(letters)) { return true }
            if key.utf8.count >= 4, length <= key.utf8.count + 12, letters.containsBytes(key) { return true }
        }
        if length >= 2, Self.isCapitals(segment) {
            return siteNames.contains { Self.initials($0) == letters }
        }
        return false
    }

    /// The segments of `title` between separators (trimmed, non-empty) and the separator before
    /// each segment after the first.
    static func segments(of title: String) -> (segments: [String], separators: [String]) {
        // One scan of the bytes: every separator starts with a space (`String.firstRange(of:)`
        // builds a search table per call).
        let bytes = Array(title.utf8)
        var pairs: [(separator: String, segment: String)] = []
        var before = ""
        var start = 0
        var index = 0
        func close(at end: Int) {
            let part = String(decoding: bytes[start..<end], as: UTF8.self).trimmingASCIIWhitespace()
            if !part.isEmpty { pairs.append((before, part)) }
        }
        while index < bytes.count {
            guard bytes[index] == 0x20,
                let separator = separatorBytes.firstIndex(where: { bytes[index...].starts(with: $0) })
            else {
                index += 1
                continue
            }
            close(at: index)
            before = separators[separator]
            index += separatorBytes[separator].count
            start = index
        }
        close(at: bytes.count)
        return (pairs.map(\.segment), pairs.dropFirst().map(\.separator))
    }

    /// The UTF-8 of `separators`, in the same order.
    private static let separatorBytes = separators.map { Array($0.utf8) }

    /// Whether most (60%) of the heading's words are in one of `titles` and the heading stands for
    /// that title rather than for a name after it: not mostly made of a later part's words (unless
    /// it also holds the first part), and the whole title, its first part's start or end, or a
    /// quarter of its words. A fragment from inside a longer title ("Discord" in "How we pwned …
    /// Discord, and hundreds of companies …") or the name after a separator ("The Go Blog" in
    /// "Defer, Panic, and Recover - The Go Programming Language") names a part of the site.
    static func agrees(_ heading: String, with titles: [String]) -> Bool {
        let headingWords = words(heading)
        guard !headingWords.isEmpty else { return false }
        let most = 0.6 * Double(headingWords.count)
        for title in titles {
            let titleWords = words(title)
            guard Double(shared(headingWords, titleWords)) >= most else { continue }
            let parts = segments(of: title).segments
            let first = parts.first.map(words) ?? titleWords
            let later = parts.dropFirst().flatMap(words)
            let holdsFirst =
                Double(shared(headingWords, first)) >= most || 2 * shared(first, headingWords) >= first.count
            guard holdsFirst || Double(shared(headingWords, later)) < most else { continue }
            if 4 * headingWords.count >= titleWords.count || Self.isEnd(headingWords, of: titleWords)
                || Self.isEnd(headingWords, of: first)
            {
                return true
            }
        }
        return false
    }

    /// Whether `part` is how `whole` begins or ends.
    private static func isEnd(_ part: [String], of whole: [String]) -> Bool {
        whole.starts(with: part) || whole.reversed().starts(with: part.reversed())
    }

    /// How many of `words` are in `known`.
    private static func shared(_ words: [String], _ known: [String]) -> Int {
        let set = Set(known)
        return words.filter { set.contains($0) }.count
    }

    /// Lower-cased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: the same runs, found on bytes.
            return text.utf8.split(whereSeparator: { !(ASCII.isLetter($0) || ASCII.isDigit($0)) }).map {
                String(decoding: $0.lazy.map(ASCII.lowercased), as: UTF8.self)
            }
        }
        return text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
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
