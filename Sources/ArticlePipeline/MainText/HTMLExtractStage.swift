/// Stage 4 (extract, HTML): metadata, main text and captioned images from a parsed page.
struct HTMLExtractStage {
    /// Class words that mark the credit line inside a `<figcaption>`.
    static let creditMarkers = ["credit", "copyright", "byline", "source", "attribution"]

    /// Input: the parsed page. Output: the extracted article (no record fields yet).
    func extract(_ document: HTMLDocument, url: String? = nil) -> ExtractedArticle {
        var article = ExtractedArticle()
        let pageType = PageTypeClassifier.classify(document, url: url)
        article.pageType = pageType.rawValue
        HTMLMetadataExtractor(document: document).extract(into: &article)
        var content = MainTextSelector(
            document: document, readsWholePageWhenShort: pageType.isMadeOfParts,
            dropsReviews: pageType == .product, isThread: pageType == .forum)
        var paragraphs = content.paragraphs()
        if content.needsSecondLook(paragraphs) {
            let relaxed = MainTextSelector(
                document: document, usesClassMarkers: false, readsWholePageWhenShort: pageType.isMadeOfParts,
                dropsReviews: pageType == .product, isThread: pageType == .forum)
            let second = relaxed.paragraphs()
            if second.reduce(0, { $0 + $1.utf8.count }) > 2 * paragraphs.reduce(0, { $0 + $1.utf8.count }) {
                content = relaxed
                paragraphs = second
            }
        }
        article.paragraphs = Self.withoutTitlesAndBareURLs(
            paragraphs,
            titles: [article.title, document.firstElement(.h1).map { content.visibleText(of: $0) }])
        // A product page with no text of its own (a script shell) stays empty: its description is
        // in the record's `description`, and an empty page has no main text to lead.
        if pageType == .product, !article.paragraphs.isEmpty, let description = article.description,
            let lead = Self.missingDescription(description, from: article.paragraphs)
        {
            article.paragraphs.insert(lead, at: 0)
        }
        if Self.isControlLabel(article.paragraphs) { article.paragraphs = [] }
        article.images = images(in: document, content: content)
        if article.paragraphs.isEmpty { article.warnings.append("no article text found") }
        return article
    }

    /// A product's declared description (`<meta name="description">`, `og:description`) when the
    /// text lacks most of its words: the product's own words, often rendered by scripts only.
    static func missingDescription(_ description: String, from paragraphs: [String]) -> String? {
        let words = description.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.count >= Self.minDescriptionWords else { return nil }
        var present = Set<Substring>()
        for paragraph in paragraphs {
            for word in paragraph.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                present.insert(word)
            }
        }
        let found = words.filter { present.contains($0) }.count
        return Double(found) < 0.5 * Double(words.count) ? description : nil
    }

    /// A text of fewer words than this that does not end a sentence is a control's label ("Sort :",
    /// "Cart (0)", "Skip to main content"): what is left when a page's content is drawn by scripts,
    /// not main text.
    static let minTextWords = 5

    /// True when `paragraphs` are such a label.
    static func isControlLabel(_ paragraphs: [String]) -> Bool {
        guard !paragraphs.isEmpty else { return false }
        // Words counted on UTF-8 bytes (a run of ASCII letters and digits or non-ASCII bytes),
        // stopping at the fifth: the first paragraph may be the whole article.
        var words = 0
        for paragraph in paragraphs {
            var inWord = false
            for byte in paragraph.utf8 {
                let wordByte = byte >= 0x80 || ASCII.isLetter(byte) || ASCII.isDigit(byte)
                if wordByte && !inWord {
                    words += 1
                    if words >= minTextWords { return false }
                }
                inWord = wordByte
            }
        }
        // A colon ends a label ("Sort :"), not a sentence.
        let core = paragraphs[paragraphs.count - 1].trimmingCharacters(in: "”’\"')]» ")
        return !(core.last.map { ".!?…".contains($0) } ?? false)
    }

    /// A description shorter than this (in words) is a tagline, not the product's text.
    static let minDescriptionWords = 8

    /// The paragraphs without a repeat of the headline (it is the record's `title`, not body text)
    /// and without lines that are only a URL (share widgets, canonical links).
    static func withoutTitlesAndBareURLs(_ paragraphs: [String], titles: [String?]) -> [String] {
        let headlines = Set(titles.compactMap { $0?.lowercased() }.filter { !$0.isEmpty })
        let lengths = Set(headlines.map(\.utf8.count) + titles.compactMap { $0?.utf8.count })
        return paragraphs.filter { paragraph in
            // Lower-casing is costly: only paragraphs as long as a headline are compared.
            if lengths.contains(paragraph.utf8.count) && headlines.contains(paragraph.lowercased()) {
                return false
            }
            let isURL =
                (paragraph.hasPrefix("http://") || paragraph.hasPrefix("https://"))
                && !paragraph.contains(" ")
            return !isURL
        }
    }

    /// Whether the class of `node` holds one of `creditMarkers` (in any case). An ASCII class is
    /// read in place; others (rare) go through `lowercased()`.
    private func isCreditClass(_ document: HTMLDocument, _ node: Int) -> Bool {
        guard let slot = document.attributeSlot("class", of: node) else { return false }
        let value = document.bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)]
        if value.allSatisfy({ $0 < 0x80 }) {
            return Self.creditMarkerBytes.contains { marker in
                marker.withUnsafeBufferPointer { ASCII.contains(value, $0) }
            }
        }
        let className = String(decoding: value, as: UTF8.self).lowercased()
        return Self.creditMarkers.contains(where: { className.contains($0) })
    }

    private static let creditMarkerBytes = creditMarkers.map { Array($0.utf8) }

    /// Figures outside furniture that have an image and a caption.
    private func images(in document: HTMLDocument, content: MainTextSelector) -> [ArticleRecord.Image] {
        var images: [ArticleRecord.Image] = []
        for index in document.nodes.indices
        where document.nodes[index].tag == .figure && (!content.dropped[index] || content.captionLike[index])
        {
            var source: String?
            var caption: Int?
            var creditNode: Int?
            var stack = Array(document.children(of: index).reversed())
            while let node = stack.popLast() {
                guard document.nodes[node].kind == .element else { continue }
                let tag = document.nodes[node].tag
                if tag == .img && source == nil {
                    source = document.attribute("src", of: node) ?? document.attribute("data-src", of: node)
                } else if tag == .figcaption && caption == nil {
                    caption = node
                } else if creditNode == nil, isCreditClass(document, node) {
                    creditNode = node
                }
                stack.append(contentsOf: document.children(of: node).reversed())
            }
            guard source != nil, let caption else { continue }
            var captionText = content.visibleText(of: caption, includingCaptions: true)
            var credit: String?
            if let creditNode {
                let creditText = content.visibleText(of: creditNode, includingCaptions: true)
                if !creditText.isEmpty, let range = captionText.ranges(of: creditText).last {
                    captionText.removeSubrange(range)
                    credit = ImageCredit.split(creditText).credit ?? creditText
                }
            }
            let split = ImageCredit.split(captionText)
            guard split.caption != nil || split.credit != nil || credit != nil else { continue }
            images.append(
                ArticleRecord.Image(caption: split.caption, credit: credit ?? split.credit, src: source))
        }
        return images
    }
}
