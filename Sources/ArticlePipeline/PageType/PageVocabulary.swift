/// The words the page-type features count: class and id words that sites of every kind use for
/// their parts (`price`, `reply`, `toc`, `card`, `testimonial`), short control texts in several
/// languages ("add to cart", "reply", "edit this page", "get started"), and the names of publishing
/// software that a page's `<meta name="generator">` declares. Never a site's name.
///
/// Each list becomes a `WordTable`: lookups hash the bytes once and probe a small open-addressing
/// table, so counting them costs a few nanoseconds per token on every page.
enum PageVocabulary {
    /// Class and id words (single tokens: attribute values are split at every non-alphanumeric byte).
    static let classWords = [
        // Shops.
        "product", "products", "price", "cart", "basket", "checkout", "sku", "stock", "buy", "shop",
        "variant", "quantity", "qty", "wishlist", "offer", "rating", "review", "reviews", "swatch",
        // Threads of posts.
        "post", "posts", "reply", "replies", "comment", "comments", "thread", "topic", "message",
        "forum", "answer", "answers", "question", "vote", "votes", "avatar", "user", "username",
        "author", "signature", "quote", "member", "discussion",
        // Documentation.
        "toc", "docs", "doc", "sidebar", "highlight", "code", "api", "syntax", "admonition", "note",
        "warning", "breadcrumb", "breadcrumbs", "version", "headerlink", "anchor",
        // Lists of things.
        "card", "cards", "tile", "grid", "item", "items", "list", "listing", "result", "results",
        "teaser", "entry", "filter", "filters", "facet", "pagination", "pager", "sort", "collection",
        "category", "archive", "feed", "thumbnail", "excerpt", "more",
        // Stories.
        "article", "story", "byline", "headline", "share", "social", "related", "tags", "date",
        "caption", "news", "blog",
        // Presentations of a business.
        "hero", "cta", "feature", "features", "pricing", "testimonial", "testimonials", "service",
        "services", "plan", "plans", "contact", "team", "faq", "banner", "btn", "logo", "clients",
        "partners", "benefits", "solution", "solutions", "step", "icon",
    ]

    /// Whole short texts (trimmed, lower-cased, one space between words, end punctuation dropped).
    static let phrases = [
        // Shops.
        "add to cart", "add to bag", "add to basket", "buy now", "buy it now", "add to wishlist",
        "in stock", "out of stock", "in den warenkorb", "ajouter au panier", "añadir al carrito",
        "aggiungi al carrello", "toevoegen aan winkelwagen", "lägg i varukorgen", "в корзину",
        "カートに入れる", "quantity", "size guide", "free shipping", "write a review", "specifications",
        // Threads of posts.
        "reply", "quote", "report", "like", "permalink", "joined", "posts", "posted", "members",
        "accepted answer", "answered", "asked", "votes", "log in to reply", "reply to this topic",
        // Lists of things.
        "read more", "load more", "show more", "view all", "see all", "view more", "next", "previous",
        "next page", "sort by", "filter", "filters", "results",
        // Documentation.
        "edit this page", "on this page", "table of contents", "contents", "was this page helpful",
        "note", "warning", "example", "parameters", "returns", "syntax", "see also",
        // Presentations of a business.
        "contact us", "get started", "learn more", "book a demo", "request a demo", "get a quote",
        "free trial", "start free trial", "sign up", "pricing", "our services", "testimonials",
        "get in touch",
        // Stories.
        "share", "related articles", "related posts", "comments", "leave a comment", "leave a reply",
        "min read", "advertisement", "subscribe", "newsletter",
    ]

    /// Publishing software, as `<meta name="generator">` names it (one word of its value).
    static let generators = [
        "wordpress", "shopify", "woocommerce", "magento", "prestashop", "discourse", "phpbb",
        "vbulletin", "xenforo", "invision", "nodebb", "flarum", "sphinx", "docusaurus", "mkdocs",
        "vitepress", "hugo", "jekyll", "gatsby", "drupal", "joomla", "wix", "squarespace", "ghost",
        "mediawiki", "webflow", "hubspot",
    ]

    static let classWordTable = WordTable(classWords)
    static let phraseTable = WordTable(phrases)
    static let generatorTable = WordTable(generators)
}

/// A fixed set of byte strings, looked up by their 64-bit hash in an open-addressing table.
struct WordTable: Sendable {
    private let keys: [UInt64]
    private let values: [Int16]
    private let mask: Int
    let count: Int

    init(_ words: [String]) {
        var size = 64
        while size < words.count * 8 { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [Int16](repeating: -1, count: size)
        for (index, word) in words.enumerated() {
            let hash = Self.hash(Array(word.utf8)[...])
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while keys[slot] != 0 && keys[slot] != hash { slot = (slot + 1) & (size - 1) }
            if keys[slot] == 0 {
                keys[slot] = hash
                values[slot] = Int16(index)
            }
        }
        self.keys = keys
        self.values = values
        mask = size - 1
        count = words.count
    }

    /// The index of the word whose hash is `hash` (see `hash(_:)`), or nil.
    @inline(__always)
    func index(ofHash hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let key = keys[slot]
            if key == hash { return Int(values[slot]) }
            if key == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a of the bytes, never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = step(hash, byte) }
        return finish(hash)
    }

    /// The start value of a hash computed byte by byte with `step` and closed with `finish`.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
