/// Which elements are page furniture rather than article: by tag, and by words in `class`/`id`.
enum BoilerplateRules {
    /// Elements that never hold article text.
    static let droppedTags: Set<String> = [
        "script", "style", "nav", "header", "footer", "aside", "form", "button", "noscript", "iframe", "svg",
        "template", "select", "textarea", "input", "canvas", "object", "embed", "head", "title", "dialog",
        "menu",
    ]

    /// Tags dropped only when they do not hold most of the page's text (some sites wrap the whole
    /// page in a `<form>` or in a `<div class="with-sidebar">`).
    static let guardedTags: Set<String> = ["form", "header"]

    /// Elements that are never dropped by their class or id.
    static let protectedTags: Set<String> = ["html", "body", "main", "article"]

    /// Words that mark furniture when a `class` or `id` word starts with them.
    static let markerPrefixes = [
        "nav", "menu", "footer", "sidebar", "comment", "share", "sharing", "social", "related", "promo",
        "advert", "cookie", "subscribe", "newsletter", "breadcrumb", "banner", "popup", "modal", "masthead",
        "outbrain", "taboola", "recommend", "signup", "trending", "byline", "consent", "gdpr",
    ]
    /// Whole words that mark furniture (too short or too common to match as prefixes).
    static let markerWords: Set<String> = ["ad", "ads", "adv", "dfp", "gpt", "toolbar"]
    /// Words that start with a marker but are article content.
    static let exceptions: Set<String> = ["commentary", "navarro", "menus-article"]

    /// True when a word of `class` or `id` marks the element as furniture.
    static func hasMarker(_ value: String) -> Bool {
        var word: [UInt8] = []
        for byte in value.utf8 {
            if ASCII.isLetter(byte) || ASCII.isDigit(byte) {
                word.append(ASCII.lowercased(byte))
            } else {
                if isMarker(word) { return true }
                word.removeAll(keepingCapacity: true)
            }
        }
        return isMarker(word)
    }

    private static func isMarker(_ word: [UInt8]) -> Bool {
        guard word.count >= 2 else { return false }
        let text = String(decoding: word, as: UTF8.self)
        if markerWords.contains(text) { return true }
        if exceptions.contains(text) { return false }
        return markerPrefixes.contains { text.hasPrefix($0) }
    }
}
