/// Element categories from the HTML standard that the tokenizer and tree builder need.
enum HTMLTags {
    /// Elements that never have content or an end tag.
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "keygen", "frame",
    ]

    /// Elements whose content is text up to their end tag; markup inside is not parsed.
    static let rawText: Set<String> = [
        "script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe", "noembed",
        "noframes",
    ]

    /// Raw-text elements whose character references are still decoded.
    static let escapableRawText: Set<String> = ["textarea", "title"]

    /// Start tags that end an open `<p>`.
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "li", "dd", "dt", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul",
        "listing", "summary",
    ]

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// Elements an end tag for a block element cannot close through.
    static let scopeBoundary: Set<String> = [
        "html", "table", "td", "th", "caption", "template", "marquee", "object", "applet",
    ]
    static let buttonScope = scopeBoundary.union(["button"])
    static let listScope = scopeBoundary.union(["ul", "ol"])
    static let definitionScope = scopeBoundary.union(["dl"])
    static let tableScope: Set<String> = ["table", "html", "template"]
    static let rowScope: Set<String> = ["tr", "table", "html", "template"]

    /// Block-level ("special") elements: a stray inline end tag never closes through them.
    static let special: Set<String> = closesParagraph.union([
        "html", "head", "body", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "table", "li",
        "button", "select", "object", "applet", "marquee", "template", "iframe", "frameset", "form",
    ])
}
