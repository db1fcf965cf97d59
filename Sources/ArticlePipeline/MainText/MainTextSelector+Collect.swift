/// Gathering the paragraphs of the chosen container.
extension MainTextSelector {
    /// The article's paragraphs, in document order.
    func paragraphs() -> [String] {
        guard let prose = container() else { return [] }
        var result: [String] = []
        collect(from: prose, into: &result)
        // Lines of prose in what was found: several are an article, whatever surrounds them, also
        // when they are runs of text split by `<br>` in one element (one unit, many paragraphs).
        let proseLines = result.lazy.filter { $0.utf8.count >= Self.minProseLine }.count
        let cards = proseLines <= Self.maxProseLinesForParts ? cardContainer(beating: prose) : nil
        let container = cards ?? prose
        if let cards {
            result = []
            collect(from: cards, keepingShortLines: true, into: &result)
        }
        if result.isEmpty {
            let text = visibleText(of: container)
            if !text.isEmpty { result.append(text) }
        }
        // A page made of parts whose found text is a small share of what the page keeps, in no more
        // units and lines of prose than a grid's intro: the whole page, read as parts (short lines
        // and link titles kept).
        if readsWholePageWhenShort, let body = document.firstElement(.body), body != container,
            !dropped[body],
            Double(Self.nonSpaceLength(result)) < Self.wholePageShare * Double(measures[body].text),
            !isDeclaredArticle(prose), measures[prose].units <= Self.maxUnitsForCards,
            proseLines <= Self.maxProseLinesForParts
        {
            var whole: [String] = []
            collect(from: body, keepingShortLines: true, into: &whole)
            return whole
        }
        return result
    }

    /// A page made of parts whose found text has more lines of prose (this long) than this is an
    /// article, whatever surrounds it.
    static let minProseLine = 80
    static let maxProseLinesForParts = 3

    /// Below this share of the page's kept text, a page made of parts is read whole.
    static let wholePageShare = 0.6

    /// True when `node` is an `<article>` or the element marked `itemprop="articleBody"`.
    func isDeclaredArticle(_ node: Int) -> Bool {
        document.nodes[node].tag == .article || node == markedArticleBody()
    }

    /// Non-whitespace bytes of `paragraphs`, comparable with `NodeMeasure.text`.
    static func nonSpaceLength(_ paragraphs: [String]) -> Int {
        var length = 0
        for paragraph in paragraphs {
            for byte in paragraph.utf8 where !ASCII.isWhitespace(byte) { length += 1 }
        }
        return length
    }

    /// Appends the paragraphs under `node`: block elements whole, and runs of loose inline text
    /// (text split by `<br>`, as in `<div>text<br><br>text</div>` pages) when they look like prose.
    ///
    /// Iterative (a stack of next siblings), so deep trees fit the small stacks of worker threads.
    /// One run suffices: it is flushed on entering and on leaving every element that separates runs.
    /// With `keepingShortLines` (cards), link lines and short runs are kept: a card's title is a
    /// link and its price a short line.
    private func collect(from node: Int, keepingShortLines: Bool = false, into result: inout [String]) {
        var run = InlineRun()
        var pending: [Int32] = [document.nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                flush(&run, keepingShortLines: keepingShortLines, into: &result)
                continue
            }
            let index = Int(next)
            pending[pending.count - 1] = document.nodes[index].nextSibling
            if document.nodes[index].kind == .text {
                if !dropped[index] { appendText(of: index, to: &run.text) }
                continue
            }
            guard document.nodes[index].kind == .element, !dropped[index] else { continue }
            let role = roles[index]
            if role.contains(.caption) { continue }  // captions go to `images`, not the text
            let isTableRow = document.nodes[index].tag == .tr
            if (role.contains(.block) || isTableRow) && !measures[index].blockInside {
                flush(&run, keepingShortLines: keepingShortLines, into: &result)
                let text = visibleText(of: index)
                let linkHeavy =
                    measures[index].insideLink
                    || (Self.isLinkList(text: measures[index].text, links: measures[index].links)
                        && !Self.isLinkedSentence(text, measures[index]))
                if text.isEmpty
                    || (linkHeavy && !keepingShortLines && text.utf8.count < Self.maxLinkLineLength)
                {
                    continue
                }
                if result.last != text { result.append(text) }
            } else if role.contains(.separator) || measures[index].blockInside {
                flush(&run, keepingShortLines: keepingShortLines, into: &result)
                pending.append(document.nodes[index].firstChild)
            } else {
                // A card's parts (title, price, size) sit side by side in inline elements.
                if keepingShortLines { run.text.append(0x20) }
                appendVisibleText(of: index, to: &run.text)
                run.linkLength += measures[index].links
            }
        }
    }

    /// A short block whose words are linked one phrase in two is still a sentence when it ends like
    /// one and a prose unit's worth of its words are not linked (a headline or a menu does not end
    /// with a full stop).
    static func isLinkedSentence(_ text: String, _ measure: NodeMeasure) -> Bool {
        guard Double(measure.links) <= Double(measure.text) * maxInlineLinkDensity,
            measure.text - measure.links >= minProseParagraph
        else { return false }
        let core = text.trimmingCharacters(in: "”’\"')]» ")
        return core.last.map { ".!?…".contains($0) } ?? false
    }

    /// Keeps a loose run when it reads like prose: long enough or a finished sentence, few links.
    private func flush(_ run: inout InlineRun, keepingShortLines: Bool, into result: inout [String]) {
        defer { run = InlineRun() }
        let text = String.collapsingWhitespace(run.text)
        guard !text.isEmpty else { return }
        if keepingShortLines {
            if result.last != text { result.append(text) }
            return
        }
        let length = text.utf8.count
        if Double(run.linkLength) > Double(length) * Self.maxLinkDensity { return }
        guard length >= Self.minLooseRun || TextScrapeExtractStage.endsSentence(text) else { return }
        if result.last != text { result.append(text) }
    }

    /// The text a reader sees in `node`: kept descendants only, whitespace collapsed.
    func visibleText(of node: Int, includingCaptions: Bool = false) -> String {
        var text: [UInt8] = []
        appendVisibleText(of: node, includingCaptions: includingCaptions, to: &text)
        return String.collapsingWhitespace(text)
    }

    private func appendText(of node: Int, to text: inout [UInt8]) {
        let start = Int(document.nodes[node].start)
        text.append(contentsOf: document.bytes[start..<start + Int(document.nodes[node].length)])
    }

    /// Appends the kept text under `node`, with a space around block boundaries and `<br>`.
    private func appendVisibleText(of node: Int, includingCaptions: Bool = false, to text: inout [UInt8]) {
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
            case .text where !dropped[index] || (includingCaptions && captionLike[index]):
                appendText(of: index, to: &text)
            case .element where !dropped[index] || (includingCaptions && captionLike[index]):
                let separateChild = roles[index].contains(.separator)
                if separateChild { text.append(0x20) }
                pending.append((document.nodes[index].firstChild, separateChild))
            default: break
            }
        }
    }
}

/// Inline content gathered between block boundaries.
private struct InlineRun {
    var text: [UInt8] = []
    var linkLength = 0
}
