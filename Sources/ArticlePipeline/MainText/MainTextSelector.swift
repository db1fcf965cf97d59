/// Main-text extraction: drops furniture, measures prose per element, picks the element holding
/// the article, and takes its paragraphs, headings, list items and quotes in order (see
/// `MainTextSelector+Collect.swift`).
///
/// Prose is counted in units: a `<p>` is one unit, and so is another text block (list item,
/// quote, definition) with no unit inside; loose text (outside blocks, e.g. text split by `<br>` in
/// a `<div>`) belongs to its nearest block ancestor, which then is one unit. A unit is prose when
/// it is long enough and mostly not link text (text inside an `<a>` is link text, so teaser cards
/// wrapped in links are not prose; a list item must be almost free of links). The container is the
/// parent of the most prose, widened to an `<article>` (unless it is one of several posts) or to
/// ancestors whose added prose outweighs the other text they add (a story split into sibling
/// sections, a thread of posts, a service page of several sections).
///
/// Works on per-node arrays filled in linear passes; the tree lists parents before children, so a
/// reverse pass sees every child before its parent (no recursion, no per-node allocation).
struct MainTextSelector {
    /// Paragraphs shorter than this (non-space UTF-8 bytes) are not prose.
    static let minProseParagraph = 25
    /// Loose text shorter than this is not prose.
    static let minProseLooseText = 50
    /// Link text above this share of an element's text makes it a link list, not prose.
    static let maxLinkDensity = 0.5
    /// Link text above this share of a list item's (or other non-paragraph block's) text makes it a
    /// teaser or a link, not prose.
    static let maxBlockLinkDensity = 0.2
    /// Text outside links of at least this many bytes ...
    static let minUnlinkedProse = 60
    /// ... makes a paragraph or a run of loose text prose dense with inline links (a sentence whose
    /// words are linked one phrase in two), not a link list, up to this share of link text.
    static let maxInlineLinkDensity = 0.7
    /// Loose text runs (outside paragraph elements) shorter than this must end a sentence to count.
    static let minLooseRun = 50
    /// Lines mostly made of links and shorter than this are dropped from the text.
    static let maxLinkLineLength = 160
    /// An ancestor replaces the container when it holds at least this many times the first
    /// container's prose ...
    static let minWideningRatio = 1.6
    /// ... and the prose it adds is at least this share of the other text it adds (a thread's posts
    /// come with names and dates, a service page's sections with headings and labels; link lists
    /// and furniture add little prose), looking this many levels up.
    static let wideningGain = 0.5
    static let maxWideningSteps = 20

    let document: HTMLDocument
    private(set) var dropped: [Bool]
    /// Dropped only as captions or photo credits (by class): not article text, but kept for `images`.
    private(set) var captionLike: [Bool]
    /// Lengths and flags per node, filled by `measure`.
    var measures: [NodeMeasure]
    let roles: [NodeRole]
    private let ownTextLength: [Int32]

    /// Whether furniture is also recognised by `class`/`id` words (the second look goes without).
    let usesClassMarkers: Bool
    /// Prose bytes of the whole page before furniture is dropped.
    private(set) var pageProse = 0

    /// Whether a short result gives way to the whole page's kept text (see `PageType.isMadeOfParts`).
    let readsWholePageWhenShort: Bool

    /// Whether customers' reviews and ratings are furniture (product pages).
    let dropsReviews: Bool

    /// Whether the page is a thread (forum, Q&A): its posts are the content, even when their class
    /// calls them comments, and an `<article>` holding only the opening post is not the whole text.
    let isThread: Bool

    init(
        document: HTMLDocument, usesClassMarkers: Bool = true, readsWholePageWhenShort: Bool = false,
        dropsReviews: Bool = false, isThread: Bool = false
    ) {
        self.document = document
        self.dropsReviews = dropsReviews
        self.isThread = isThread
        self.usesClassMarkers = usesClassMarkers
        self.readsWholePageWhenShort = readsWholePageWhenShort
        let count = document.nodes.count
        dropped = Array(repeating: false, count: count)
        captionLike = Array(repeating: false, count: count)
        measures = Array(repeating: NodeMeasure(), count: count)
        (roles, ownTextLength) = NodeRole.roles(of: document)
        measure()
        pageProse = measures[HTMLDocument.root].prose
        markBoilerplate()
        if let heading = commentHeading() { dropComments(from: heading) }
        measure()
    }

    /// A result this small, on a page that holds this much prose, asks for a second look.
    static let secondLookShare = 0.2
    static let secondLookMinimumProse = 1000

    /// True when `paragraphs` bring under a fifth of the page's prose on a page with much prose:
    /// the words of `class`/`id` may have dropped the content (a wrapper named "not-footer", posts
    /// named "comment" on a forum), so the extractor looks again without them.
    func needsSecondLook(_ paragraphs: [String]) -> Bool {
        guard usesClassMarkers, pageProse >= Self.secondLookMinimumProse else { return false }
        let length = paragraphs.reduce(0) { $0 + $1.utf8.count }
        guard Double(length) < Self.secondLookShare * Double(pageProse) else { return false }
        // A short text from the element the page declares its one article (an `<article>` or
        // `itemprop="articleBody"`) is a short article, not a miss: what else the page holds
        // (comments) stays out.
        guard let container = container() else { return true }
        return document.nodes[container].tag != .article && container != markedArticleBody()
    }

    /// The element holding the article: the parent of the most prose (a unit of loose text votes
    /// for itself), widened to an enclosing `<article>` or to an ancestor that holds much more
    /// paragraph prose (an article split into sibling sections).
    func container() -> Int? {
        let count = document.nodes.count
        var votes = [Int](repeating: 0, count: count)
        for index in 1..<count where measures[index].unitProse > 0 && !dropped[index] {
            let length = measures[index].unitProse
            let isBlock = roles[index].contains(.block)
            let first = isBlock ? Int(document.nodes[index].parent) : index
            votes[first] += length
            let second = Int(document.nodes[first].parent)
            if second >= 0 { votes[second] += length / 2 }
        }
        var best = -1
        var bestVotes = 0
        for index in 0..<count where votes[index] > bestVotes {
            best = index
            bestVotes = votes[index]
        }
        guard best >= 0 else {
            return document.firstElement(.body)
                ?? (measures[HTMLDocument.root].text > 0 ? HTMLDocument.root : nil)
        }
        if let marked = markedArticleBody(), measures[marked].prose * 2 >= measures[best].prose {
            return marked
        }
        // The innermost enclosing `<article>` is the container, unless it or an outer one is one of
        // several posts (a thread, a feed): then the posts together are the content, as far as
        // widening finds them worth taking.
        var ancestor = best
        var innermostArticle: Int?
        while ancestor > 0 {
            if document.nodes[ancestor].tag == .article && !dropped[ancestor] {
                if hasProseSibling(ancestor, tag: .article) { return widened(ancestor) }
                if innermostArticle == nil { innermostArticle = ancestor }
            }
            ancestor = Int(document.nodes[ancestor].parent)
        }
        return innermostArticle ?? widened(best)
    }

    /// The kept element with the most prose that schema.org microdata marks as the article body
    /// (`itemprop="articleBody"`), if any.
    func markedArticleBody() -> Int? {
        var result: Int?
        for index in document.nodes.indices
        where document.nodes[index].attributeCount > 0 && !dropped[index] && measures[index].prose > 0 {
            guard let value = document.attribute("itemprop", of: index),
                value.split(separator: " ").contains("articleBody")
            else { continue }
            if result.map({ measures[index].prose > measures[$0].prose }) ?? true { result = index }
        }
        return result
    }

    /// True when another kept element with tag `tag` and prose shares `node`'s parent.
    private func hasProseSibling(_ node: Int, tag: HTMLTag) -> Bool {
        var sibling = document.nodes[Int(document.nodes[node].parent)].firstChild
        while sibling >= 0 {
            let index = Int(sibling)
            if index != node && document.nodes[index].tag == tag && !dropped[index]
                && measures[index].prose > 0
            {
                return true
            }
            sibling = document.nodes[index].nextSibling
        }
        return false
    }

    /// Climbs from `node` to ancestors that add prose with not much more other text (sibling
    /// sections of one story, the posts of a thread; not link lists or furniture).
    private func widened(_ node: Int) -> Int {
        var current = node
        var candidate = Int(document.nodes[node].parent)
        var steps = 0
        while candidate > 0 && steps < Self.maxWideningSteps {
            let added = measures[candidate].prose - measures[current].prose
            let addedJunk =
                (measures[candidate].text - measures[candidate].prose)
                - (measures[current].text - measures[current].prose)
            let addedUnits = measures[candidate].units - measures[current].units
            if added > 0, addedUnits > 0,
                Double(measures[candidate].prose) >= Self.minWideningRatio * Double(measures[node].prose),
                Double(added) >= Self.wideningGain * Double(addedJunk)
            {
                current = candidate
            }
            candidate = Int(document.nodes[candidate].parent)
            steps += 1
        }
        return current
    }

    /// True when link text is over `maxLinkDensity` of `text` bytes, unless the words between the
    /// links are a sentence's worth and the links under `maxInlineLinkDensity`.
    static func isLinkList(text: Int, links: Int) -> Bool {
        guard Double(links) > Double(text) * maxLinkDensity else { return false }
        return text - links < minUnlinkedProse || Double(links) > Double(text) * maxInlineLinkDensity
    }

    /// Fills text, link and prose lengths bottom-up, skipping dropped subtrees. Runs on unsafe
    /// buffers: it visits every node twice per page, and checked array accesses cost a third.
    private mutating func measure() {
        let count = document.nodes.count
        var loose = [LooseText](repeating: LooseText(), count: count)
        var unit = [Int32](repeating: 0, count: count)
        document.nodes.withUnsafeBufferPointer { nodes in
            roles.withUnsafeBufferPointer { roles in
                ownTextLength.withUnsafeBufferPointer { own in
                    dropped.withUnsafeBufferPointer { dropped in
                        loose.withUnsafeMutableBufferPointer { loose in
                            unit.withUnsafeMutableBufferPointer { unit in
                                measures.withUnsafeMutableBufferPointer { measures in
                                    Self.measure(
                                        nodes: nodes, roles: roles, own: own, dropped: dropped, loose: loose,
                                        unit: unit, into: measures)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Text and link bytes of the loose text whose nearest non-inline ancestor is a node.
    private struct LooseText {
        var text = 0
        var links = 0
    }

    /// The two passes of `measure`.
    private static func measure(
        nodes: UnsafeBufferPointer<HTMLNode>, roles: UnsafeBufferPointer<NodeRole>,
        own: UnsafeBufferPointer<Int32>,
        dropped: UnsafeBufferPointer<Bool>, loose: UnsafeMutableBufferPointer<LooseText>,
        unit: UnsafeMutableBufferPointer<Int32>, into measures: UnsafeMutableBufferPointer<NodeMeasure>
    ) {
        let count = nodes.count
        for index in 0..<count { measures[index] = NodeMeasure() }
        // Top-down: links around nodes, and the unit (nearest non-inline ancestor or self).
        for index in 1..<count {
            let node = nodes[index]
            let parent = Int(node.parent)
            measures[index].insideLink = measures[parent].insideLink || roles[parent].contains(.link)
            let inline = node.kind != .element || node.tag.flags.contains(.inline)
            unit[index] = inline ? unit[parent] : Int32(index)
            measures[index].text = Int(own[index])
            if own[index] > 0 && !dropped[index] {
                let owner = Int(unit[index])
                loose[owner].text += Int(own[index])
                if measures[index].insideLink { loose[owner].links += Int(own[index]) }
            }
        }
        for index in (0..<count).reversed() where !dropped[index] {
            let role = roles[index]
            var measure = measures[index]
            if role.contains(.link) { measure.links = measure.text }
            // A paragraph, or another text block (list item, quote, definition) that holds
            // no prose unit of its own: prose when long enough and not mostly links.
            if role.contains(.paragraph)
                || (role.contains(.block) && measure.prose == 0 && !measure.blockInside)
            {
                // Other blocks must be nearly free of links: a list item led by a link is a
                // teaser card, not prose.
                let density = role.contains(.paragraph) ? Self.maxLinkDensity : Self.maxBlockLinkDensity
                let linkHeavy =
                    measure.insideLink
                    || (role.contains(.paragraph)
                        ? Self.isLinkList(text: measure.text, links: measure.links)
                        : Double(measure.links) > Double(measure.text) * density)
                if !linkHeavy && measure.text >= Self.minProseParagraph {
                    measure.prose = measure.text
                    measure.paragraphProse = measure.text
                    measure.unitProse = measure.text
                    measure.units += 1
                }
            } else if loose[index].text >= Self.minProseLooseText && !role.contains(.block)
                && Double(loose[index].links) <= Double(loose[index].text) * Self.maxLinkDensity
            {
                measure.prose += loose[index].text
                measure.unitProse = loose[index].text
                measure.units += 1
            }
            measures[index] = measure
            let parent = Int(nodes[index].parent)
            guard parent >= 0 else { continue }
            measures[parent].text += measure.text
            measures[parent].links += measure.links
            if !roles[parent].contains(.paragraph) {
                measures[parent].prose += measure.prose
                measures[parent].units += measure.units
                measures[parent].paragraphProse += measure.paragraphProse
            }
            if role.contains(.block) || measure.blockInside { measures[parent].blockInside = true }
        }
    }

    /// Marks furniture, top-down: a node is dropped when its parent is, or when its tag, its
    /// class/id or its hidden state says so (guarded tags, class markers and hidden state only when
    /// it holds under half the page's prose). Captions and credits (by class) are dropped from the
    /// text too, but remembered in `captionLike` so `images` can still read them.
    private mutating func markBoilerplate() {
        let total = measures[HTMLDocument.root].paragraphProse
        let totalProse = measures[HTMLDocument.root].prose
        var droppedNow = dropped
        let holdsMain = landmarkHolders()
        let feedItem = feedItems()
        var inFeedItem = [Bool](repeating: false, count: document.nodes.count)
        // Inside code, class words are the highlighter's (`hljs-comment`, `token comment`): they
        // name parts of the code, not furniture.
        var inCode = [Bool](repeating: false, count: document.nodes.count)
        var classMarks = AttributeValueMemo<ClassMarks>()
        for index in document.nodes.indices.dropFirst() {
            let parent = Int(document.nodes[index].parent)
            if droppedNow[parent] || roles[index].contains(.rawText) {
                droppedNow[index] = true
                captionLike[index] = captionLike[parent] && !roles[index].contains(.rawText)
                continue
            }
            guard document.nodes[index].kind == .element else { continue }
            let tag = document.nodes[index].tag
            // Most of the page's `<p>` prose, or, on an article with little of it (paragraphs
            // split by `<br>`), most of its prose. (A page made of parts keeps its loose text in
            // cards and panels: there the words of `class` still decide.)
            let holdsMostText =
                (total > 0 && measures[index].paragraphProse * 2 > total)
                || (!readsWholePageWhenShort && total * 10 < totalProse
                    && measures[index].prose * 2 > totalProse)
            inFeedItem[index] = inFeedItem[parent] || feedItem[parent]
            inCode[index] = inCode[parent] || tag == .pre || tag == .code
            // The `<header>` of an item of a feed holds the item's title and teaser: it is the
            // item's, not the page's, furniture.
            if BoilerplateRules.isDroppedTag(tag) && !(tag == .header && inFeedItem[index]) {
                // A guarded wrapper (a form around a whole thread) holding most of the prose,
                // loose text included, stays.
                let holdsMostProse = totalProse > 0 && measures[index].prose * 2 > totalProse
                // So does a sectioning element around the page's `<main>`, which HTML forbids there:
                // an `<aside>` or `<header>` left unclosed holds the rest of the page.
                let keeps =
                    (BoilerplateRules.isGuardedTag(tag) && (holdsMostText || holdsMostProse))
                    || (holdsMain[index] && BoilerplateRules.isSectioningFurniture(tag))
                droppedNow[index] = !keeps
            } else if usesClassMarkers && !BoilerplateRules.isProtectedTag(tag) && !holdsMostText
                && !inCode[parent]
            {
                let (furniture, caption) = furnitureMarks(index, classMarks: &classMarks)
                droppedNow[index] = furniture || caption
                captionLike[index] = caption
            }
        }
        dropped = droppedNow
    }

    /// Drops `node` from the text (its subtree follows in `measure` and `collect`).
    mutating func markDropped(_ node: Int) {
        dropped[node] = true
    }
}

/// What `MainTextSelector.measure` finds out about one node (lengths in non-space UTF-8 bytes
/// of kept text in its subtree).
struct NodeMeasure {
    var text = 0
    var links = 0
    /// Prose bytes in the subtree.
    var prose = 0
    /// Prose units (paragraphs and loose-text blocks) in the subtree.
    var units = 0
    /// Prose bytes of the node itself when it is a prose unit.
    var unitProse = 0
    /// Prose bytes of `<p>` elements in the subtree (the guard against dropping the article).
    var paragraphProse = 0
    /// Inside an `<a>`: its text is link text whatever its own tags.
    var insideLink = false
    /// Holds a text block (`NodeRole.block`) somewhere below.
    var blockInside = false
}
