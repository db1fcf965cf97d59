/// Which elements are page furniture rather than article: by tag, and by words in `class`/`id`.
enum BoilerplateRules {
    /// Elements that never hold article text.
    static func isDroppedTag(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .script, .style, .nav, .header, .footer, .aside, .form, .button, .noscript, .iframe, .svg,
            .template, .select, .textarea, .input, .canvas, .object, .embed, .head, .title, .dialog, .menu:
            return true
        default:
            return false
        }
    }

    /// Tags dropped only when they do not hold most of the page's text (some sites wrap the whole
    /// page in a `<form>` or in a `<div class="with-sidebar">`; a page rendered by scripts may serve
    /// its content to readers without scripts in a `<noscript>`).
    static func isGuardedTag(_ tag: HTMLTag) -> Bool {
        tag == .form || tag == .header || tag == .noscript
    }

    /// Furniture elements that HTML does not allow around `<main>`: one that holds it was left
    /// unclosed (or misused as a wrapper) and is not furniture.
    static func isSectioningFurniture(_ tag: HTMLTag) -> Bool {
        tag == .aside || tag == .nav || tag == .header || tag == .footer
    }

    /// Elements that are never dropped by their class or id.
    static func isProtectedTag(_ tag: HTMLTag) -> Bool {
        tag == .html || tag == .body || tag == .main || tag == .article
    }

    /// Words that mark furniture when a `class` or `id` word starts with them.
    static let markerPrefixes = [
        "nav", "menu", "footer", "sidebar", "comment", "share", "sharing", "social", "related", "promo",
        "advert", "cookie", "subscribe", "newsletter", "breadcrumb", "banner", "popup", "modal", "masthead",
        "outbrain", "taboola", "recommend", "signup", "trending", "byline", "consent", "gdpr", "timestamp",
        "dateline", "copyright", "author", "popular",
    ]
    /// Whole words that mark furniture (too short or too common to match as prefixes).
    static let markerWords: Set<String> = ["ad", "ads", "adv", "dfp", "gpt", "toolbar", "poll"]
    /// Words that name what an element is only when they end a class token (`post-meta`,
    /// `entry-date`, `author-bio`); earlier in a compound they name what it belongs to
    /// (`meta_field`, `date-posts`).
    static let headWords: Set<String> = ["meta", "date", "tags", "bio"]
    /// Class tokens that say the element itself is hidden. A hiding word in a longer token may
    /// qualify a part or a property (`overflow-hidden`, `field--label-hidden`), and the element
    /// shows; one that names screen sizes is read by `isResponsiveHiding`.
    static let hiddenTokens: Set<String> = ["hidden", "hide", "is-hidden", "js-hidden", "u-hidden"]
    /// Words that start with a marker but are article content.
    static let exceptions: Set<String> = ["commentary", "navarro", "menus-article", "navy"]

    /// Words that mark a caption or photo credit: left out of the text but kept for `images`.
    static let captionPrefixes = ["caption", "credit"]

    private static let prefixBytes: [[UInt8]] = markerPrefixes.map { Array($0.utf8) }
    /// On a thread (a forum or Q&A page) the posts are the content, even when named comments.
    static let threadContentPrefixes: Set<String> = ["comment"]
    private static let threadPrefixBytes: [[UInt8]] =
        markerPrefixes.filter { !threadContentPrefixes.contains($0) }.map { Array($0.utf8) }
    private static let captionBytes: [[UInt8]] = captionPrefixes.map { Array($0.utf8) }
    private static let wordBytes: [[UInt8]] = markerWords.map { Array($0.utf8) }
    private static let headWordBytes: [[UInt8]] = headWords.map { Array($0.utf8) }
    private static let hiddenTokenBytes: [[UInt8]] = hiddenTokens.map { Array($0.utf8) }

    /// True when a word of `class` or `id` marks the element as furniture.
    static func hasMarker(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { hasMarker($0) }
    }

    /// Words that mark customers' reviews and ratings: on a product page they are what comments
    /// are on an article, not the product's own text.
    static let reviewPrefixes = ["review", "rating"]
    private static let reviewBytes: [[UInt8]] = reviewPrefixes.map { Array($0.utf8) }

    /// True when a word of the attribute value `bytes` marks a caption or credit.
    static func hasCaptionMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasWord(startingWithOneOf: captionBytes, in: bytes)
    }

    /// True when a word of the attribute value `bytes` marks customers' reviews or ratings.
    static func hasReviewMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        hasWord(startingWithOneOf: reviewBytes, in: bytes)
    }

    private static func hasWord(
        startingWithOneOf prefixes: [[UInt8]], in bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        containsWord(in: bytes) { word in prefixes.contains { hasPrefix(word, $0) } }
    }

    /// True when `test` holds for one of the words (runs of ASCII letters and digits) of `bytes`.
    private static func containsWord(
        in bytes: UnsafeBufferPointer<UInt8>, where test: (UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var wordStart = -1
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) {
                if wordStart < 0 { wordStart = index }
            } else if wordStart >= 0 {
                if test(UnsafeBufferPointer(rebasing: bytes[wordStart..<index])) { return true }
                wordStart = -1
            }
        }
        return false
    }

    private static func hasPrefix(_ word: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard prefix.count <= word.count else { return false }
        for offset in 0..<prefix.count where ASCII.lowercased(word[offset]) != prefix[offset] { return false }
        return true
    }

    /// True when a word of the attribute value `bytes` marks the element as furniture: a marker
    /// prefix or word in the name of a token's component, a head word ending a token, a whole token
    /// saying it is hidden, or a token hiding it on some screen sizes.
    static func hasMarker(_ bytes: UnsafeBufferPointer<UInt8>, onThread: Bool = false) -> Bool {
        let prefixes = onThread ? threadPrefixBytes : prefixBytes
        var hidden = false
        var shownOnWideScreens = false
        var tokenStart = -1
        for index in 0...bytes.count {
            let byte = index < bytes.count ? bytes[index] : 0x20
            if !ASCII.isWhitespace(byte) {
                if tokenStart < 0 { tokenStart = index }
                continue
            }
            guard tokenStart >= 0 else { continue }
            let token = UnsafeBufferPointer(rebasing: bytes[tokenStart..<index])
            tokenStart = -1
            if let name = componentName(token), containsWord(in: name, where: { isMarker($0, prefixes) }) {
                return true
            }
            if isResponsiveHiding(token) || endsWithHeadWord(token) { return true }
            if hiddenTokenBytes.contains(where: { equalsLowercased(token, $0) }) { hidden = true }
            if isBreakpointDisplay(token) { shownOnWideScreens = true }
        }
        // `hidden md:block`: hidden on phones, shown from a tablet's width on, where utility
        // frameworks put a page's desktop layout (its content included).
        return hidden && !shownOnWideScreens
    }

    /// The class token when it names what the element is, or nil when it names nothing: a utility
    /// or state instruction (`top-[var(--nav-height)]`, `lg:grid-cols-sidebar-content`) says how to
    /// draw the element, and a layout descriptor (`with-sidebar`, `has-banner`) what is beside it.
    /// (A `block__element` name keeps its element: `post__comments` are the post's comments, and
    /// on a page without sectioning elements such names are what tells furniture apart.)
    static func componentName(_ token: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        for byte in token {
            switch byte {
            case 0x5B, 0x28, 0x3A, 0x3D: return nil  // [ ( : =
            default: continue
            }
        }
        for prefix in layoutPrefixes where hasPrefix(token, prefix) { return nil }
        return token
    }

    /// Token prefixes that describe what is beside an element.
    private static let layoutPrefixes: [[UInt8]] = ["with-", "has-", "no-"].map { Array($0.utf8) }

    /// True when the last word (run of letters and digits) of `token` is a head word.
    private static func endsWithHeadWord(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = token.count
        while end > 0 && !(ASCII.isLetter(token[end - 1]) || ASCII.isDigit(token[end - 1])) { end -= 1 }
        var start = end
        while start > 0 && (ASCII.isLetter(token[start - 1]) || ASCII.isDigit(token[start - 1])) {
            start -= 1
        }
        let word = UnsafeBufferPointer(rebasing: token[start..<end])
        return headWordBytes.contains { equalsLowercased(word, $0) }
    }

    /// Token prefixes that hide or show an element by screen size (`hidden-xs`, `hide-for-small`,
    /// `visible-lg`, `show-for-medium-up`) when a size word follows.
    private static let responsivePrefixes: [[UInt8]] = [
        "hidden-", "hide-for-", "visible-", "show-for-", "hide-on-", "hidden-on-", "hide-",
    ].map { Array($0.utf8) }
    private static let sizeWords: [[UInt8]] = [
        "xs", "sm", "md", "lg", "xl", "small", "medium", "large", "mobile", "phone", "tablet", "desktop",
    ].map { Array($0.utf8) }
    private static let hiddenBytes = Array("hidden".utf8)

    /// True when `token` hides the element on some screen sizes only (`hidden-xs`,
    /// `hide-for-small-only`, `md:hidden`, `visible-lg`): what a page shows on some screens only is
    /// secondary (teasers, tickers, a second menu), never the article, which every screen shows.
    static func isResponsiveHiding(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        for prefix in breakpoints where hasPrefix(token, prefix) {
            return equalsLowercased(UnsafeBufferPointer(rebasing: token[prefix.count...]), hiddenBytes)
        }
        for prefix in responsivePrefixes where hasPrefix(token, prefix) {
            let rest = UnsafeBufferPointer(rebasing: token[prefix.count...])
            if sizeWords.contains(where: { hasPrefix(rest, $0) }) { return true }
        }
        return false
    }

    /// Screen-size prefixes of utility classes (`md:block`).
    static let breakpoints: [[UInt8]] = ["sm:", "md:", "lg:", "xl:", "2xl:"].map { Array($0.utf8) }

    /// True when `token` gives a display from a screen size on (`md:block`, `lg:flex`).
    private static func isBreakpointDisplay(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let prefix = breakpoints.first(where: { hasPrefix(token, $0) }), token.count > prefix.count
        else { return false }
        return !hasSuffix(token, "hidden") && !hasSuffix(token, "none")
    }

    private static func equalsLowercased(_ word: UnsafeBufferPointer<UInt8>, _ lowercase: [UInt8]) -> Bool {
        guard word.count == lowercase.count else { return false }
        for offset in 0..<word.count where ASCII.lowercased(word[offset]) != lowercase[offset] {
            return false
        }
        return true
    }

    private static func hasSuffix(_ token: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard token.count >= count else { return false }
        for offset in 0..<count
        where ASCII.lowercased(token[token.count - count + offset]) != suffix.utf8Start[offset] {
            return false
        }
        return true
    }

    private static func isMarker(_ word: UnsafeBufferPointer<UInt8>, _ prefixes: [[UInt8]]) -> Bool {
        guard word.count >= 2 else { return false }
        let first = ASCII.lowercased(word[0])
        var prefixMatch = false
        for prefix in prefixes where prefix[0] == first && prefix.count <= word.count {
            var same = true
            for offset in 1..<prefix.count where ASCII.lowercased(word[offset]) != prefix[offset] {
                same = false
                break
            }
            if same {
                prefixMatch = true
                break
            }
        }
        for marker in wordBytes where marker.count == word.count {
            var same = true
            for offset in 0..<marker.count where ASCII.lowercased(word[offset]) != marker[offset] {
                same = false
                break
            }
            if same { return true }
        }
        guard prefixMatch else { return false }
        return !exceptions.contains(String(decoding: word.map(ASCII.lowercased), as: UTF8.self))
    }
}
