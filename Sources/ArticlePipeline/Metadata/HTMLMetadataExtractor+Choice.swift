/// The one place that chooses among the sources' candidates: the declarations first (meta tags,
/// JSON-LD, microdata), then what the page shows; the visible-text scans run only when needed.
extension HTMLMetadataExtractor {
    /// Sets the metadata fields of `article` from the collected candidates.
    func choose(
        metaTags: MetaTagCollector, jsonLD: JSONLDCollector, microdata: MicrodataCollector,
        visible: VisibleMetadataCollector, into article: inout ExtractedArticle
    ) {
        let meta = metaTags.meta
        let titleChoice = TitleChoice(
            openGraphTitle: meta["og:title"] ?? meta["twitter:title"], jsonLDHeadline: jsonLD.headline,
            documentTitle: metaTags.documentTitle, headings: visible.headings,
            siteNames: [meta["og:site_name"], meta["application-name"]].compactMap { $0 },
            host: (metaTags.canonical ?? meta["og:url"]).flatMap(Self.host(of:)),
            headingsAreSlogans: article.pageType == PageType.service.rawValue)
        let (title, headline) = titleChoice.chooseWithHeading()
        article.title = title
        // The date line and byline follow the headline chosen, else the first heading.
        let headingNode = headline?.node ?? visible.firstHeading
        article.description = meta["description"] ?? meta["og:description"] ?? meta["twitter:description"]
        article.authors = authors(
            from: AuthorEvidence(
                declared: metaTags.authors, jsonLDPeople: jsonLD.people,
                jsonLDOrganisations: jsonLD.organisations, itemAuthor: microdata.author,
                itemAuthorNode: microdata.authorNode,
                relAuthor: microdata.relAuthor, bylineElements: visible.bylineElements,
                siteKeys: titleChoice.siteKeys(), heading: headingNode,
                username: article.pageType == PageType.forum.rawValue ? visible.firstUsername : nil,
                cardWriter: metaTags.cardWriter, dropsReviews: article.pageType == PageType.product.rawValue,
                declaredOnly: article.pageType.flatMap(PageType.init(rawValue:)).map {
                    !Self.isDatedWriting($0)
                }
                    ?? false))
        let type = article.pageType.flatMap(PageType.init(rawValue:))
        article.section = meta["article:section"]
        let order = DateNormaliser.NumericOrder(language: metaTags.htmlLanguage ?? meta["og:locale"])
        article.published =
            published(
                metaTags: metaTags, jsonLD: jsonLD, microdata: microdata, visible: visible,
                heading: headingNode,
                order: order, writing: type.map(Self.isDatedWriting) ?? false)
            ?? dateBesideByline(authors: article.authors, order: order)
        let modified =
            Self.modifiedKeys.map { meta[$0] } + [jsonLD.modified, microdata.modified, visible.timeModified]
        article.modified =
            modified.lazy.compactMap { $0.flatMap { Self.plausibleDate($0, order: order) } }.first
            ?? labelledModified(order: order)
        // A page whose date line by the headline (under it, or just over it in the same header)
        // shows only an update ("Updated on July 9, 2025") has no other date: that line stands for
        // its publication too.
        if article.published == nil, let heading = headingNode {
            article.published = labelledModified(order: order, in: max(0, heading - 40)..<heading + 400)
        }
        // A page that is not a piece of writing declares when its record was made or changed, not
        // a publication: only a date line it shows by its headline stands.
        if let type, !Self.isDatedWriting(type) {
            article.published = headingNode.flatMap { dateAfterHeading($0, order: order) }
        }
        article.language =
            [metaTags.htmlLanguage, meta["og:locale"], meta["content-language"]].lazy
            .compactMap { $0.flatMap(Self.languageCode) }.first
    }

    /// Whether pages of `type` are pieces of writing with a publication date: articles and forum
    /// threads, not the pages of a service, a product, a listing, a collection or documentation.
    static func isDatedWriting(_ type: PageType) -> Bool {
        type == .article || type == .forum
    }

    /// The publication date: declared (Open Graph, JSON-LD, on a page known to be a piece of
    /// `writing` a plain web page's JSON-LD date too, microdata, a date meta), then a `<time>`, a
    /// date element, a labelled date line, a date line by the headline.
    private func published(
        metaTags: MetaTagCollector, jsonLD: JSONLDCollector, microdata: MicrodataCollector,
        visible: VisibleMetadataCollector, heading: Int?, order: DateNormaliser.NumericOrder, writing: Bool
    ) -> String? {
        let meta = metaTags.meta
        // A datePublished meta and itemprop are one source: the first in document order.
        let itemDates = [metaTags.itemDate, microdata.published ?? microdata.created].compactMap { $0 }
        let itemDate = itemDates.min { $0.node < $1.node }?.value
        let dates = [
            meta["article:published_time"], meta["og:article:published_time"], jsonLD.published,
            writing ? jsonLD.pagePublished : nil, itemDate,
            metaTags.date, visible.time, visible.publishedText,
        ]
        return dates.lazy.compactMap { $0.flatMap { Self.plausibleDate($0, order: order) } }.first
            ?? labelledDate(order: order) ?? heading.flatMap { dateAfterHeading($0, order: order) }
    }
}
