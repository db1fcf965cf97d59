/// Main-text extraction v0: drops furniture, picks the container with the most low-link paragraph
/// text, and takes its paragraphs, headings, list items and quotes in order.
///
/// Works on per-node arrays filled in two linear passes; the tree lists parents before children,
/// so a reverse pass sees every child before its parent (no recursion, no per-node allocation).
struct HTMLContentExtractor {
    /// Paragraphs shorter than this (UTF-8 bytes) do not vote for their container.
    static let minVotingParagraph = 25
    /// Link text above this share of an element's text makes it a link list, not prose.
    static let maxLinkDensity = 0.5
    /// Loose text runs (outside paragraph elements) shorter than this must end a sentence to count.
    static let minLooseRun = 50
    /// Lines mostly made of links and shorter than this are dropped from the text.
    static let maxLinkLineLength = 160

    let document: HTMLDocument
    private(set) var dropped: [Bool]
    private var textLength: [Int]
    private var linkLength: [Int]
    private var paragraphText: [Int]
    private var hasBlockInside: [Bool]
    private let roles: [NodeRole]
    private let ownTextLength: [Int32]

    init(document: HTMLDocument) {
        self.document = document
        let count = document.nodes.count
        dropped = Array(repeating: false, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        paragraphText = Array(repeating: 0, count: count)
        hasBlockInside = Array(repeating: false, count: count)
        (roles, ownTextLength) = NodeRole.roles(of: document)
        measure()
        markBoilerplate()
        measure()
    }

    /// The article's paragraphs, in document order.
    func paragraphs() -> [String] {
        guard let container = container() else { return [] }
        var result: [String] = []
        collect(from: container, into: &result)
        if result.isEmpty {
            let text = visibleText(of: container)
            if !text.isEmpty { result.append(text) }
        }
        return result
    }

    /// The element holding the article: the best-voted paragraph parent, widened to its `<article>`.
    func container() -> Int? {
        var votes = [Int](repeating: 0, count: document.nodes.count)
        for index in document.nodes.indices where roles[index].contains(.paragraph) && !dropped[index] {
            let length = paragraphText[index]
            guard length >= Self.minVotingParagraph else { continue }
            let parent = Int(document.nodes[index].parent)
            votes[parent] += length
            let grandparent = Int(document.nodes[parent].parent)
            if grandparent >= 0 { votes[grandparent] += length / 2 }
        }
        voteForLooseText(&votes)
        guard let best = votes.indices.max(by: { votes[$0] < votes[$1] }), votes[best] > 0 else {
            return document.firstElement(.body)
                ?? (textLength[HTMLDocument.root] > 0 ? HTMLDocument.root : nil)
        }
        var ancestor = best
        while ancestor > 0 {
            if document.nodes[ancestor].tag == .article && !dropped[ancestor] { return ancestor }
            ancestor = Int(document.nodes[ancestor].parent)
        }
        return best
    }

    /// Long text directly inside non-paragraph elements votes too, for pages without `<p>`.
    private func voteForLooseText(_ votes: inout [Int]) {
        var insideBlock = [Bool](repeating: false, count: document.nodes.count)
        for index in document.nodes.indices.dropFirst() {
            let parent = Int(document.nodes[index].parent)
            insideBlock[index] = insideBlock[parent] || !roles[parent].isDisjoint(with: [.block, .link])
            guard roles[index].contains(.text), !insideBlock[index], !dropped[index],
                textLength[index] >= Self.minLooseRun, parent > 0
            else { continue }
            votes[parent] += textLength[index]
            let grandparent = Int(document.nodes[parent].parent)
            if grandparent >= 0 { votes[grandparent] += textLength[index] / 2 }
        }
    }

    /// Appends the paragraphs under `node`: block elements whole, and runs of loose inline text
    /// (text split by `<br>`, as in `<div>text<br><br>text</div>` pages) when they look like prose.
    ///
    /// Iterative (a stack of next siblings), so deep trees fit the small stacks of worker threads.
    /// One run suffices: it is flushed on entering and on leaving every element that separates runs.
    private func collect(from node: Int, into result: inout [String]) {
        var run = InlineRun()
        var pending: [Int32] = [document.nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                flush(&run, into: &result)
                continue
            }
            let index = Int(next)
            pending[pending.count - 1] = document.nodes[index].nextSibling
            if document.nodes[index].kind == .text {
                appendText(of: index, to: &run.text)
                continue
            }
            guard document.nodes[index].kind == .element, !dropped[index] else { continue }
            let role = roles[index]
            if role.contains(.caption) { continue }  // captions go to `images`, not the text
            if role.contains(.block) && !hasBlockInside[index] {
                flush(&run, into: &result)
                let text = visibleText(of: index)
                let linkHeavy = Double(linkLength[index]) > Double(textLength[index]) * Self.maxLinkDensity
                if text.isEmpty || (linkHeavy && text.utf8.count < Self.maxLinkLineLength) { continue }
                if result.last != text { result.append(text) }
            } else if role.contains(.separator) || hasBlockInside[index] {
                flush(&run, into: &result)
                pending.append(document.nodes[index].firstChild)
            } else {
                appendVisibleText(of: index, to: &run.text)
                run.linkLength += linkLength[index]
            }
        }
    }

    /// Inline content gathered between block boundaries.
    private struct InlineRun {
        var text: [UInt8] = []
        var linkLength = 0
    }

    /// Keeps a loose run when it reads like prose: long enough or a finished sentence, few links.
    private func flush(_ run: inout InlineRun, into result: inout [String]) {
        defer { run = InlineRun() }
        let text = String.collapsingWhitespace(run.text)
        guard !text.isEmpty else { return }
        let length = text.utf8.count
        if Double(run.linkLength) > Double(length) * Self.maxLinkDensity { return }
        guard length >= Self.minLooseRun || TextScrapeExtractStage.endsSentence(text) else { return }
        if result.last != text { result.append(text) }
    }

    /// The text a reader sees in `node`: kept descendants only, whitespace collapsed.
    func visibleText(of node: Int) -> String {
        var text: [UInt8] = []
        appendVisibleText(of: node, to: &text)
        return String.collapsingWhitespace(text)
    }

    private func appendText(of node: Int, to text: inout [UInt8]) {
        let start = Int(document.nodes[node].start)
        text.append(contentsOf: document.bytes[start..<start + Int(document.nodes[node].length)])
    }

    /// Appends the kept text under `node`, with a space around block boundaries and `<br>`.
    private func appendVisibleText(of node: Int, to text: inout [UInt8]) {
        var pending: [(next: Int32, separate: Bool)] = [(document.nodes[node].firstChild, false)]
        while let (next, separate) = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                if separate { text.append(0x20) }
                continue
            }
            let index = Int(next)
            pending[pending.count - 1].next = document.nodes[index].nextSibling
            switch document.nodes[index].kind {
            case .text: appendText(of: index, to: &text)
            case .element where !dropped[index]:
                let separateChild = roles[index].contains(.separator)
                if separateChild { text.append(0x20) }
                pending.append((document.nodes[index].firstChild, separateChild))
            default: break
            }
        }
    }

    /// Fills text, link and paragraph lengths bottom-up, skipping dropped subtrees.
    private mutating func measure() {
        for index in textLength.indices {
            textLength[index] = Int(ownTextLength[index])
            linkLength[index] = 0
            paragraphText[index] = 0
            hasBlockInside[index] = false
        }
        for index in roles.indices.reversed() where !dropped[index] {
            let role = roles[index]
            if role.contains(.link) { linkLength[index] = textLength[index] }
            if role.contains(.paragraph) {
                let linkHeavy = Double(linkLength[index]) > Double(textLength[index]) * Self.maxLinkDensity
                paragraphText[index] = linkHeavy ? 0 : textLength[index]
            }
            let parent = Int(document.nodes[index].parent)
            guard parent >= 0 else { continue }
            textLength[parent] += textLength[index]
            linkLength[parent] += linkLength[index]
            if !roles[parent].contains(.paragraph) { paragraphText[parent] += paragraphText[index] }
            if role.contains(.block) || hasBlockInside[index] { hasBlockInside[parent] = true }
        }
    }

    /// Marks furniture, top-down: a node is dropped when its parent is, or when its tag or its
    /// class/id says so (guarded tags and class markers only when it holds under half the page's prose).
    private mutating func markBoilerplate() {
        let total = paragraphText[HTMLDocument.root]
        var droppedNow = dropped
        for index in document.nodes.indices.dropFirst() {
            let parent = Int(document.nodes[index].parent)
            if droppedNow[parent] || roles[index].contains(.rawText) {
                droppedNow[index] = true
                continue
            }
            guard document.nodes[index].kind == .element else { continue }
            let tag = document.nodes[index].tag
            let holdsMostText = total > 0 && paragraphText[index] * 2 > total
            if BoilerplateRules.isDroppedTag(tag) {
                droppedNow[index] = !(BoilerplateRules.isGuardedTag(tag) && holdsMostText)
            } else if !BoilerplateRules.isProtectedTag(tag) && !holdsMostText {
                droppedNow[index] = hasMarker("class", index) || hasMarker("id", index)
            }
        }
        dropped = droppedNow
    }

    private func hasMarker(_ attribute: StaticString, _ node: Int) -> Bool {
        guard let slot = document.attributeSlot(attribute, of: node) else { return false }
        return document.bytes.withUnsafeBufferPointer { bytes in
            BoilerplateRules.hasMarker(
                UnsafeBufferPointer(
                    rebasing: bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)]))
        }
    }
}
