/// Main-text extraction: drops furniture, measures prose per element, picks the element with the
/// most prose for the least other text, and takes its paragraphs, headings, list items and quotes
/// in order (see `HTMLContentExtractor+Collect.swift`).
///
/// Prose is counted in units: a `<p>` is one unit; loose text (outside `<p>`, e.g. text split by
/// `<br>` in a `<div>`) belongs to its nearest block ancestor, which then is one unit. A unit is
/// prose when it is long enough and mostly not link text. The container maximises
/// `prose − junkWeight × (other visible text)`: the densest subtree of prose, which takes in an
/// article split into sibling sections while leaving out link lists and page furniture.
///
/// Works on per-node arrays filled in linear passes; the tree lists parents before children, so a
/// reverse pass sees every child before its parent (no recursion, no per-node allocation).
struct HTMLContentExtractor {
    /// Paragraphs shorter than this (non-space UTF-8 bytes) are not prose.
    static let minProseParagraph = 25
    /// Loose text shorter than this is not prose.
    static let minProseLooseText = 50
    /// Link text above this share of an element's text makes it a link list, not prose.
    static let maxLinkDensity = 0.5
    /// Loose text runs (outside paragraph elements) shorter than this must end a sentence to count.
    static let minLooseRun = 50
    /// Lines mostly made of links and shorter than this are dropped from the text.
    static let maxLinkLineLength = 160
    /// An ancestor replaces the container when it holds at least this many times its prose ...
    static let minWideningRatio = 1.6
    /// ... in units of this average length (article paragraphs, not teaser lines) ...
    static let minWideningUnit = 80
    /// ... and adds this many times more prose than other text, looking this many levels up.
    static let wideningGain = 4.0
    static let maxWideningSteps = 8

    let document: HTMLDocument
    private(set) var dropped: [Bool]
    /// Dropped only as captions or photo credits (by class): not article text, but kept for `images`.
    private(set) var captionLike: [Bool]
    var textLength: [Int]
    var linkLength: [Int]
    /// Prose bytes in the subtree.
    var prose: [Int]
    /// Prose units (paragraphs and loose-text blocks) in the subtree.
    var proseUnits: [Int]
    /// Prose bytes of the node itself when it is a prose unit.
    var unitProse: [Int]
    /// Prose bytes of `<p>` elements in the subtree (the guard against dropping the article).
    var paragraphProse: [Int]
    /// Nodes inside an `<a>`: their text is link text whatever its own tags.
    var insideLink: [Bool]
    var hasBlockInside: [Bool]
    let roles: [NodeRole]
    private let ownTextLength: [Int32]

    init(document: HTMLDocument) {
        self.document = document
        let count = document.nodes.count
        dropped = Array(repeating: false, count: count)
        captionLike = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        prose = Array(repeating: 0, count: count)
        proseUnits = Array(repeating: 0, count: count)
        unitProse = Array(repeating: 0, count: count)
        paragraphProse = Array(repeating: 0, count: count)
        insideLink = Array(repeating: false, count: count)
        hasBlockInside = Array(repeating: false, count: count)
        (roles, ownTextLength) = NodeRole.roles(of: document)
        measure()
        markBoilerplate()
        measure()
    }

    /// The element holding the article: the parent of the most prose (a unit of loose text votes
    /// for itself), widened to an enclosing `<article>` or to an ancestor that holds much more
    /// paragraph prose (an article split into sibling sections).
    func container() -> Int? {
        let count = document.nodes.count
        var votes = [Int](repeating: 0, count: count)
        for index in 1..<count where unitProse[index] > 0 && !dropped[index] {
            let length = unitProse[index]
            let isParagraph = roles[index].contains(.paragraph)
            let first = isParagraph ? Int(document.nodes[index].parent) : index
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
                ?? (textLength[HTMLDocument.root] > 0 ? HTMLDocument.root : nil)
        }
        var ancestor = best
        while ancestor > 0 {
            if document.nodes[ancestor].tag == .article && !dropped[ancestor] { return ancestor }
            ancestor = Int(document.nodes[ancestor].parent)
        }
        return widened(best)
    }

    /// Climbs from `node` to ancestors that add prose in article-sized paragraphs with little other
    /// text (sibling sections of one story, not teaser lines, link lists or furniture).
    private func widened(_ node: Int) -> Int {
        var current = node
        var candidate = Int(document.nodes[node].parent)
        var steps = 0
        while candidate > 0 && steps < Self.maxWideningSteps {
            let added = prose[candidate] - prose[current]
            let addedJunk =
                (textLength[candidate] - prose[candidate]) - (textLength[current] - prose[current])
            let addedUnits = proseUnits[candidate] - proseUnits[current]
            if added > 0, addedUnits > 0, added / addedUnits >= Self.minWideningUnit,
                Double(prose[candidate]) >= Self.minWideningRatio * Double(prose[node]),
                Double(added) >= Self.wideningGain * Double(addedJunk)
            {
                current = candidate
            }
            candidate = Int(document.nodes[candidate].parent)
            steps += 1
        }
        return current
    }

    /// Fills text, link and prose lengths bottom-up, skipping dropped subtrees.
    private mutating func measure() {
        let count = document.nodes.count
        var looseText = [Int](repeating: 0, count: count)
        var looseLinks = [Int](repeating: 0, count: count)
        var unit = [Int32](repeating: 0, count: count)
        // Top-down: the unit (nearest non-inline ancestor or self) of every node.
        for index in 1..<count {
            let node = document.nodes[index]
            let parent = Int(node.parent)
            insideLink[index] = insideLink[parent] || roles[parent].contains(.link)
            let inline = node.kind != .element || node.tag.flags.contains(.inline)
            unit[index] = inline ? unit[parent] : Int32(index)
        }
        for index in 0..<count {
            textLength[index] = Int(ownTextLength[index])
            linkLength[index] = 0
            prose[index] = 0
            proseUnits[index] = 0
            unitProse[index] = 0
            paragraphProse[index] = 0
            hasBlockInside[index] = false
            if ownTextLength[index] > 0 && !dropped[index] {
                let owner = Int(unit[index])
                looseText[owner] += Int(ownTextLength[index])
                if insideLink[index] { looseLinks[owner] += Int(ownTextLength[index]) }
            }
        }
        for index in roles.indices.reversed() where !dropped[index] {
            let role = roles[index]
            if role.contains(.link) { linkLength[index] = textLength[index] }
            if role.contains(.paragraph) {
                let linkHeavy =
                    insideLink[index]
                    || Double(linkLength[index]) > Double(textLength[index]) * Self.maxLinkDensity
                if !linkHeavy && textLength[index] >= Self.minProseParagraph {
                    prose[index] = textLength[index]
                    paragraphProse[index] = textLength[index]
                    unitProse[index] = textLength[index]
                    proseUnits[index] += 1
                }
            } else if looseText[index] >= Self.minProseLooseText && !roles[index].contains(.block)
                && Double(looseLinks[index]) <= Double(looseText[index]) * Self.maxLinkDensity
            {
                prose[index] += looseText[index]
                unitProse[index] = looseText[index]
                proseUnits[index] += 1
            }
            let parent = Int(document.nodes[index].parent)
            guard parent >= 0 else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            if !roles[parent].contains(.paragraph) {
                prose[parent] += prose[index]
                proseUnits[parent] += proseUnits[index]
                paragraphProse[parent] += paragraphProse[index]
            }
            if role.contains(.block) || hasBlockInside[index] { hasBlockInside[parent] = true }
        }
    }

    /// Marks furniture, top-down: a node is dropped when its parent is, or when its tag, its
    /// class/id or its hidden state says so (guarded tags, class markers and hidden state only when
    /// it holds under half the page's prose). Captions and credits (by class) are dropped from the
    /// text too, but remembered in `captionLike` so `images` can still read them.
    private mutating func markBoilerplate() {
        let total = paragraphProse[HTMLDocument.root]
        var droppedNow = dropped
        for index in document.nodes.indices.dropFirst() {
            let parent = Int(document.nodes[index].parent)
            if droppedNow[parent] || roles[index].contains(.rawText) {
                droppedNow[index] = true
                captionLike[index] = captionLike[parent] && !roles[index].contains(.rawText)
                continue
            }
            guard document.nodes[index].kind == .element else { continue }
            let tag = document.nodes[index].tag
            let holdsMostText = total > 0 && paragraphProse[index] * 2 > total
            if BoilerplateRules.isDroppedTag(tag) {
                droppedNow[index] = !(BoilerplateRules.isGuardedTag(tag) && holdsMostText)
            } else if !BoilerplateRules.isProtectedTag(tag) && !holdsMostText {
                let furniture = hasMarker("class", index) || hasMarker("id", index) || isHidden(index)
                let caption = !furniture && hasMarker("class", index, caption: true)
                droppedNow[index] = furniture || caption
                captionLike[index] = caption
            }
        }
        dropped = droppedNow
    }

    private func hasMarker(_ attribute: StaticString, _ node: Int, caption: Bool = false) -> Bool {
        guard let slot = document.attributeSlot(attribute, of: node) else { return false }
        return document.bytes.withUnsafeBufferPointer { bytes in
            let value = UnsafeBufferPointer(
                rebasing: bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)])
            return caption ? BoilerplateRules.hasCaptionMarker(value) : BoilerplateRules.hasMarker(value)
        }
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display: none` / `visibility: hidden`.
    private func isHidden(_ node: Int) -> Bool {
        guard document.nodes[node].attributeCount > 0 else { return false }
        if document.attributeSlot("hidden", of: node) != nil { return true }
        return document.bytes.withUnsafeBufferPointer { bytes in
            if let slot = document.attributeSlot("aria-hidden", of: node),
                Self.compactLowercased(bytes, slot) == Array("true".utf8)
            {
                return true
            }
            guard let slot = document.attributeSlot("style", of: node) else { return false }
            let style = Self.compactLowercased(bytes, slot)
            return Self.contains(style, "display:none") || Self.contains(style, "visibility:hidden")
        }
    }

    /// An attribute value lower-cased, without spaces.
    private static func compactLowercased(
        _ bytes: UnsafeBufferPointer<UInt8>, _ slot: HTMLAttributeSlot
    ) -> [UInt8] {
        var result: [UInt8] = []
        for index in Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)
        where !ASCII.isWhitespace(bytes[index]) {
            result.append(ASCII.lowercased(bytes[index]))
        }
        return result
    }

    private static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        let pointer = needle.utf8Start
        outer: for start in 0...(haystack.count - count) {
            for offset in 0..<count where haystack[start + offset] != pointer[offset] { continue outer }
            return true
        }
        return false
    }
}
