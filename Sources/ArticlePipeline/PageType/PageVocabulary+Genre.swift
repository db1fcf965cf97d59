/// Words that name what kind of page a page is, as its address, title and headings say it:
/// "blog", "guide", "services", "pricing", "shop", "forum", "docs", "search". Generic words only,
/// chosen by hand for the kind of page they name, never for a topic or a site.
extension PageVocabulary {
    static let genreWords = [
        // Stories and round-ups.
        "blog", "blogs", "news", "article", "articles", "story", "stories", "post", "posts", "press",
        "guide", "guides", "how", "what", "why", "when", "best", "top", "tips", "vs", "review",
        "reviews", "comparison", "compare", "list", "ideas", "trends", "explained", "beginners",
        "beginner", "checklist",
        // A business presenting what it offers.
        "services", "service", "solutions", "solution", "consulting", "company", "agency", "pricing",
        "plans", "plan", "cost", "costs", "quote", "about", "contact", "programs", "program",
        "courses", "course", "certificate", "certification", "degree", "training", "tuition",
        "admissions", "insurance", "calculator", "calculators", "tools", "tool", "apply", "help",
        "support",
        // Shops.
        "products", "product", "shop", "store", "buy", "sale", "collections", "collection",
        "category", "categories", "catalog", "all", "new", "bestsellers", "deals",
        // Threads of posts.
        "forum", "forums", "thread", "threads", "topic", "topics", "discussion", "community",
        "questions", "question", "answers", "comments", "t",
        // Documentation.
        "docs", "doc", "documentation", "reference", "api", "manual", "tutorial", "tutorials", "wiki",
        "learn", "library", "glossary", "faq",
        // Lists of things.
        "search", "results", "jobs", "events", "directory", "index", "archive", "page", "tag", "tags",
        "latest", "home",
    ]

    static let genreTable = WordTable(genreWords)
}
