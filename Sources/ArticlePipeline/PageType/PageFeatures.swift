import Foundation

/// The numbers `PageTypeClassifier`'s model reads from one page, in the fixed order of
/// `PageFeatures.names`: the shape of the address (depth, ids, dates, generic path words), what the
/// page declares (og:type, schema.org type groups), the hand-written rules' vote (`PageTypeRules`),
/// and its structure (`PageStructure`: text shares, element counts, class and id words, control
/// texts, prices, runs of alike siblings). Counts enter as `log(1 + n)`, so that the linear model
/// weighs ratios (a difference of logs) as easily as sizes.
///
/// A page without an address gets zeros for every address feature and `url.present` 0: the
/// model was also trained on pages stripped of their address, so it reads those from structure.
struct PageFeatures {
    private(set) var values: [Double] = []
    private var collectedNames: [String]?

    /// The name of each value, in order; the generated model's names must equal these.
    static let names: [String] = {
        var features = PageFeatures(collectingNames: true)
        features.fill(
            signals: PageSignals(document: HTMLDocument(), url: nil),
            structure: PageStructure(document: HTMLDocument()))
        return features.collectedNames ?? []
    }()

    init(document: HTMLDocument, url: String?) {
        values.reserveCapacity(Self.names.count)
        fill(signals: PageSignals(document: document, url: url), structure: PageStructure(document: document))
    }

    private init(collectingNames: Bool) { collectedNames = [] }

    private mutating func add(_ name: @autoclosure () -> String, _ value: Double) {
        values.append(value)
        if collectedNames != nil { collectedNames?.append(name()) }
    }

    private mutating func add(_ name: @autoclosure () -> String, _ flag: Bool) { add(name(), flag ? 1 : 0) }

    private mutating func addCount(_ name: @autoclosure () -> String, _ count: Int) {
        add(name(), log1p(Double(count)))
    }

    private mutating func fill(signals: PageSignals, structure: PageStructure) {
        addAddress(signals)
        addDeclarations(signals)
        let vote = PageTypeRules(signals: signals).pageType()
        for type in PageType.allCases { add("rule.\(type.rawValue)", vote == type) }
        addStructure(structure)
        var words = structure.words
        words.readAddress(segments: signals.segments)
        addWords(words)
    }

    /// The genre words of the address and the title (present or not) and of the headings (their
    /// share of the headings' words).
    private mutating func addWords(_ words: PageWords) {
        let vocabulary = PageVocabulary.genreWords
        for (index, word) in vocabulary.enumerated() { add("word.address.\(word)", words.inAddress[index]) }
        for (index, word) in vocabulary.enumerated() { add("word.title.\(word)", words.inTitle[index]) }
        let headingWords = Double(max(words.headingWords, 1))
        for (index, word) in vocabulary.enumerated() {
            add("word.heading.\(word)", log1p(1000 * Double(words.inHeadings[index]) / headingWords))
        }
    }

    private mutating func addAddress(_ signals: PageSignals) {
        let present = !signals.host.isEmpty
        let segments = signals.segments
        let last = segments.last ?? ""
        let rules = PageTypeRules(signals: signals)
        add("url.present", present)
        add("url.home", present && segments.isEmpty)
        add("url.depth", Double(min(segments.count, 6)))
        add("url.query", !signals.query.isEmpty)
        add(
            "url.query.search",
            Self.searchKeys.contains { signals.query.hasPrefix($0) || signals.query.contains("&" + $0) })
        add("url.query.page", signals.query.contains("page="))
        add("url.segment.numeric", segments.contains { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        add("url.segment.long_id", segments.contains(where: Self.hasLongNumber))
        let yearIndex = segments.firstIndex(where: PageTypeRules.isYear)
        add("url.segment.year", yearIndex != nil)
        add(
            "url.segment.date",
            yearIndex.map {
                $0 + 1 < segments.count && segments[$0 + 1].count <= 2
                    && segments[$0 + 1].allSatisfy(\.isASCIIDigit)
            } ?? false)
        let words = last.split { $0 == "-" || $0 == "_" || $0 == "." || $0 == "+" }
        addCount("url.last.words", words.count)
        addCount("url.last.length", last.utf8.count)
        add("url.last.page_extension", Self.pageExtensions.contains { last.hasSuffix($0) })
        for word in Self.lastSegmentWords { add("url.last.\(word)", words.contains { $0 == word }) }
        for (name, set) in Self.segmentGroups {
            add(
                "url.segment.\(name)",
                present && segments.dropLast(name == "product" ? 1 : 0).contains(where: set.contains))
        }
        add("url.segment.product_index", segments.last.map(PageTypeRules.productSegments.contains) ?? false)
        for (name, labels) in Self.hostGroups { add("url.host.\(name)", rules.hostHasLabel(labels)) }
    }

    private mutating func addDeclarations(_ signals: PageSignals) {
        let og = signals.openGraphType
        let ogArticle = og == "article" || og.hasSuffix(":article") || og == "blog"
        let ogProduct = og.hasPrefix("product") || og.hasSuffix(":product") || og.hasSuffix(":item")
        add("og.article", ogArticle)
        add("og.product", ogProduct)
        add("og.website", og == "website")
        add("og.other", !og.isEmpty && !ogArticle && !ogProduct && og != "website")
        for (name, set) in Self.schemaGroups {
            add("schema.\(name)", !signals.schemaTypes.isDisjoint(with: set))
        }
        addCount("schema.types", signals.schemaTypes.count)
        for name in PageSignals.declaredNames { add("meta.\(name)", signals.declared.contains(name)) }
    }

    private mutating func addStructure(_ structure: PageStructure) {
        let text = Double(max(structure.textBytes, 1))
        addCount("text.bytes", structure.textBytes)
        addCount("text.nodes", structure.textNodes)
        addCount("text.long_nodes", structure.longTextNodes)
        add("text.long_share", Double(structure.longTextBytes) / text)
        for zone in PageStructure.Zone.allCases {
            add("zone.\(zone)", Double(structure.zoneText[zone.rawValue]) / text)
        }
        addCount("count.elements", structure.elements)
        for counted in PageStructure.Counted.allCases {
            addCount("count.\(counted)", structure.counts[counted.rawValue])
        }
        for (index, word) in PageVocabulary.classWords.enumerated() {
            addCount("class.\(word)", structure.classWordCounts[index])
        }
        for (index, phrase) in PageVocabulary.phrases.enumerated() {
            addCount("phrase.\(phrase)", structure.phraseCounts[index])
        }
        for (index, name) in PageVocabulary.generators.enumerated() {
            add("generator.\(name)", structure.generators[index])
        }
        addCount("prices", structure.priceTokens)
        add("paginated", structure.paginated)
        addCount("runs", structure.runs)
        addCount("runs.largest", structure.largestRun)
        addCount("runs.elements", structure.elementsInRuns)
        add("runs.text_share", min(1, Double(structure.runTextBytes) / text))
        add("runs.best_share", min(1, Double(structure.bestRunTextBytes) / text))
        add(
            "runs.best_link_share",
            structure.bestRunTextBytes == 0
                ? 0 : Double(structure.bestRunLinkTextBytes) / Double(structure.bestRunTextBytes))
        let items = Double(max(structure.bestRunItems, 1))
        add("runs.best_priced", Double(structure.bestRunPricedItems) / items)
        add("runs.best_dated", Double(structure.bestRunDatedItems) / items)
        add("runs.best_pictured", Double(structure.bestRunPicturedItems) / items)
        add("runs.best_headed", Double(structure.bestRunHeadedItems) / items)
    }

    private static func hasLongNumber(_ segment: String) -> Bool {
        var run = 0
        for byte in segment.utf8 {
            run = ASCII.isDigit(byte) ? run + 1 : 0
            if run >= 5 { return true }
        }
        return false
    }

    static let searchKeys = ["q=", "s=", "query=", "search=", "keyword=", "k="]
    static let pageExtensions = [".html", ".htm", ".php", ".aspx", ".asp", ".jsp"]
    /// Words of the last path segment that tell a round-up, a guide or a question from a story.
    static let lastSegmentWords = [
        "best", "top", "vs", "review", "reviews", "list", "guide", "how", "what", "why",
    ]

    static let segmentGroups: [(String, Set<String>)] = [
        ("forum", PageTypeRules.forumSegments),
        ("product", PageTypeRules.productSegments),
        ("collection", PageTypeRules.collectionSegments),
        ("documentation", PageTypeRules.documentationSegments),
        ("listing", PageTypeRules.listingSegments),
        (
            "story",
            [
                "news", "article", "articles", "story", "stories", "post", "posts", "blog", "blogs", "press",
                "opinion",
            ]
        ),
        (
            "service",
            [
                "services", "service", "solutions", "solution", "pricing", "about", "about-us", "contact",
                "contact-us",
                "features", "platform", "plans", "company", "careers", "industries", "consulting", "work",
                "agency",
            ]
        ),
    ]

    static let hostGroups: [(String, Set<String>)] = [
        ("forum", PageTypeRules.forumHosts),
        ("documentation", PageTypeRules.documentationHosts),
        ("shop", ["shop", "store", "buy"]),
        ("story", ["blog", "news", "press"]),
    ]

    static let schemaGroups: [(String, Set<String>)] = [
        (
            "article",
            [
                "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                "opinionnewsarticle", "liveblogposting", "scholarlyarticle", "backgroundnewsarticle",
            ]
        ),
        ("tech", ["techarticle", "apireference", "softwaresourcecode"]),
        ("product", ["product", "productgroup", "productmodel", "individualproduct", "vehicle", "car"]),
        ("offer", ["offer", "aggregateoffer"]),
        ("review", ["aggregaterating", "review", "rating"]),
        ("itemlist", ["itemlist", "offercatalog", "listitem"]),
        ("collectionpage", ["collectionpage"]),
        ("searchresults", ["searchresultspage"]),
        (
            "discussion",
            [
                "discussionforumposting", "qapage", "question", "answer", "comment", "socialmediaposting",
                "conversation",
            ]
        ),
        ("faq", ["faqpage"]),
        ("howto", ["howto", "recipe"]),
        (
            "organization",
            [
                "organization", "corporation", "localbusiness", "professionalservice", "service", "store",
                "onlinestore",
                "brand", "contactpoint",
            ]
        ),
        ("breadcrumb", ["breadcrumblist"]),
        ("webpage", ["webpage", "itempage", "aboutpage", "contactpage"]),
        ("website", ["website"]),
        (
            "work",
            [
                "softwareapplication", "webapplication", "mobileapplication", "videogame", "book", "movie",
                "musicalbum",
                "course",
            ]
        ),
        ("event", ["event"]),
        ("person", ["person", "profilepage"]),
        ("video", ["videoobject"]),
    ]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
