/// How a page is built, measured for `PageFeatures`: where its visible text lies (paragraphs, list
/// items, table cells, code, links, headings, navigation, forms), how many elements of each telling
/// kind it has, the class and id words and short control texts of `PageVocabulary`, price-like
/// tokens, and runs of alike sibling elements (cards, posts, entries).
///
/// Linear and cheap on purpose, since it runs on every page: one forward pass over the nodes
/// (parents come before their children, so each node's zones are its parent's plus its own), one
/// backward pass that sums text into ancestors, and one walk over sibling lists.
struct PageStructure {
    /// Regions whose share of the visible text is measured. Nested regions all count.
    enum Zone: Int, CaseIterable {
        case paragraph, listItem, tableCell, code, link, heading, chrome, form, article, quote, control
        case definition, main
    }

    /// Elements whose number is measured (some share a counter).
    enum Counted: Int, CaseIterable {
        case a, p, li, list, table, tr, cell, pre, code, h1, h2, h3, minorHeading, form, input, button
        case select, img, article, section, time, nav, aside, headerFooter, iframe, blockquote, dl, svg
        case label, figure, media, span, div, br, strong
    }

    /// Visible text bytes (trimmed text nodes outside head, scripts, styles and templates).
    var textBytes = 0
    var textNodes = 0
    /// Text nodes of at least `longTextBytes` bytes (sentences of prose) and their bytes.
    var longTextNodes = 0
    var longTextBytes = 0
    var zoneText = [Int](repeating: 0, count: Zone.allCases.count)
    var elements = 0
    var counts = [Int](repeating: 0, count: Counted.allCases.count)
    /// Elements whose class or id holds each word of `PageVocabulary.classWords`.
    var classWordCounts = [Int](repeating: 0, count: PageVocabulary.classWords.count)
    /// Short texts equal to each phrase of `PageVocabulary.phrases`.
    var phraseCounts = [Int](repeating: 0, count: PageVocabulary.phrases.count)
    /// Which of `PageVocabulary.generators` the generator meta names.
    var generators = [Bool](repeating: false, count: PageVocabulary.generators.count)
    /// A currency sign next to a number (`$12`, `12,99 €`).
    var priceTokens = 0
    /// `<link rel=next|prev>` or `<a rel=next|prev>`: a page of a paginated series.
    var paginated = false
    /// Runs of at least `minRun` consecutive sibling elements with the same tag and class.
    var runs = 0
    var largestRun = 0
    var elementsInRuns = 0
    /// Text under the items of all runs (nested runs count again), and of the run with most text.
    var runTextBytes = 0
    var bestRunTextBytes = 0
    var bestRunLinkTextBytes = 0
    /// Items of the run with most text, and how many of them hold a price, a `<time>`, an image, a
    /// heading.
    var bestRunItems = 0
    var bestRunPricedItems = 0
    var bestRunDatedItems = 0
    var bestRunPicturedItems = 0
    var bestRunHeadedItems = 0
    /// The genre words of the title and the headings (the address's are added by `PageFeatures`).
    var words = PageWords()

    static let longTextBytes = 150
    static let minRun = 4
    static let maxPhraseBytes = 40

    init(document: HTMLDocument) {
        document.bytes.withUnsafeBufferPointer { bytes in
            document.nodes.withUnsafeBufferPointer { nodes in measure(document, nodes: nodes, bytes: bytes) }
        }
    }

    /// The three passes. The per-node arrays are locals of this function (not captured by a
    /// closure), so their accesses need no dynamic exclusivity checks.
    private mutating func measure(
        _ document: HTMLDocument, nodes: UnsafeBufferPointer<HTMLNode>, bytes: UnsafeBufferPointer<UInt8>
    ) {
        let count = nodes.count
        var zones = [UInt16](repeating: 0, count: count)
        var classSlots = [Int32](repeating: -1, count: count)
        var textBelow = [Int32](repeating: 0, count: count)
        var linkBelow = [Int32](repeating: 0, count: count)
        var marks = [UInt8](repeating: 0, count: count)
        var lastCounted = [Int](repeating: -1, count: PageVocabulary.classWords.count)
        let zoneBits = Self.zoneBits
        let countedIndex = Self.countedIndex
        let itemMarks = Self.itemMarks
        for index in 1..<count {
            let node = nodes[index]
            let inherited = zones[Int(node.parent)]
            switch node.kind {
            case .element:
                elements += 1
                var zone = inherited
                if let own = zoneBits[Int(node.tag.rawValue)] { zone |= own }
                zones[index] = zone
                if let counted = countedIndex[Int(node.tag.rawValue)] { counts[counted] += 1 }
                marks[index] = itemMarks[Int(node.tag.rawValue)]
                if node.attributeCount > 0 {
                    classSlots[index] = readAttributes(
                        index, document: document, bytes: bytes, lastCounted: &lastCounted)
                }
            case .text where inherited & Self.hiddenBit == 0:
                let (length, prices) = readText(node, zones: inherited, bytes: bytes)
                textBelow[index] = Int32(length)
                if prices > 0 { marks[index] = Self.pricedMark }
                if inherited & (1 << Zone.link.rawValue) != 0 { linkBelow[index] = Int32(length) }
            case .text where !words.titleRead && nodes[Int(node.parent)].tag == .title:
                let start = Int(node.start)
                words.readTitle(bytes[start..<start + Int(node.length)])
            default: break
            }
        }
        for index in stride(from: count - 1, to: 0, by: -1) {
            let parent = Int(nodes[index].parent)
            textBelow[parent] += textBelow[index]
            linkBelow[parent] += linkBelow[index]
            marks[parent] |= marks[index]
        }
        let signatures = Signatures(nodes: nodes, classSlots: classSlots, document: document, bytes: bytes)
        measureRuns(nodes, signatures: signatures, textBelow: textBelow, linkBelow: linkBelow, marks: marks)
    }

    /// Adds one text node to the text measures; returns its trimmed length and its price tokens.
    private mutating func readText(
        _ node: HTMLNode, zones: UInt16, bytes: UnsafeBufferPointer<UInt8>
    ) -> (length: Int, prices: Int) {
        var start = Int(node.start)
        var end = start + Int(node.length)
        while start < end && ASCII.isWhitespace(bytes[start]) { start += 1 }
        while end > start && ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
        let length = end - start
        guard length > 0 else { return (0, 0) }
        textBytes += length
        textNodes += 1
        if length >= Self.longTextBytes {
            longTextNodes += 1
            longTextBytes += length
        }
        var bits = zones
        while bits != 0 {
            zoneText[bits.trailingZeroBitCount] += length
            bits &= bits - 1
        }
        if length <= Self.maxPhraseBytes { readPhrase(bytes[start..<end]) }
        if zones & (1 << Zone.heading.rawValue) != 0 { words.readHeading(bytes[start..<end]) }
        let prices = Self.priceTokens(in: bytes, start, end)
        priceTokens += prices
        return (length, prices)
    }

    /// Counts a short text that is one of the vocabulary's phrases (case and spacing aside).
    private mutating func readPhrase(_ text: Slice<UnsafeBufferPointer<UInt8>>) {
        var start = text.startIndex
        var end = text.endIndex
        let isEdge: (UInt8) -> Bool = { $0 < 0x80 && !ASCII.isLetter($0) && !ASCII.isDigit($0) }
        while start < end && isEdge(text[start]) { start += 1 }
        while end > start && isEdge(text[end - 1]) { end -= 1 }
        guard start < end else { return }
        var hash = WordTable.seed
        var inSpace = false
        for byte in text[start..<end] {
            if ASCII.isWhitespace(byte) {
                inSpace = true
                continue
            }
            if inSpace { hash = WordTable.step(hash, 0x20) }
            inSpace = false
            hash = WordTable.step(hash, ASCII.lowercased(byte))
        }
        if let index = PageVocabulary.phraseTable.index(ofHash: WordTable.finish(hash)) {
            phraseCounts[index] += 1
        }
    }

    /// Currency signs ($, €, £, ¥, ₹) with a digit at most two bytes before or after.
    static func priceTokens(in bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var found = 0
        var position = start
        while position < end {
            // Eight bytes at a time while none of them can start a sign (`$`, 0xC2, 0xE2).
            if let base = bytes.baseAddress {
                while position + 8 <= end,
                    !Self.mayHoldSign(UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                {
                    position += 8
                }
                guard position < end else { break }
            }
            let byte = bytes[position]
            var width = 0
            if byte == 0x24 {
                width = 1
            } else if byte == 0xC2, position + 1 < end,
                bytes[position + 1] == 0xA3 || bytes[position + 1] == 0xA5
            {
                width = 2
            } else if byte == 0xE2, position + 2 < end, bytes[position + 1] == 0x82,
                bytes[position + 2] == 0xAC || bytes[position + 2] == 0xB9
            {
                width = 3
            }
            guard width > 0 else {
                position += 1
                continue
            }
            let after = position + width
            let digitAfter =
                (after < end && ASCII.isDigit(bytes[after]))
                || (after + 1 < end && ASCII.isDigit(bytes[after + 1]))
            let digitBefore =
                (position - 1 >= start && ASCII.isDigit(bytes[position - 1]))
                || (position - 2 >= start && ASCII.isDigit(bytes[position - 2]))
            if digitAfter || digitBefore { found += 1 }
            position = after
        }
        return found
    }

    /// Whether one of the eight bytes of `word` is `$`, 0xC2 or 0xE2 (a zero byte after an
    /// exclusive or; false positives only cost the byte-by-byte test).
    @inline(__always)
    static func mayHoldSign(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let dollar = word ^ (ones &* 0x24)
        let c2 = word ^ (ones &* 0xC2)
        let e2 = word ^ (ones &* 0xE2)
        let zero = ((dollar &- ones) & ~dollar) | ((c2 &- ones) & ~c2) | ((e2 &- ones) & ~e2)
        return zero & 0x8080_8080_8080_8080 != 0
    }

    /// Finds runs of alike siblings: consecutive elements with one signature, whose items hold
    /// text.
    private mutating func measureRuns(
        _ nodes: UnsafeBufferPointer<HTMLNode>, signatures: Signatures, textBelow: [Int32],
        linkBelow: [Int32],
        marks: [UInt8]
    ) {
        for parent in nodes.indices where nodes[parent].firstChild >= 0 {
            var child = Int(nodes[parent].firstChild)
            var run = RunTally()
            while child >= 0 {
                if nodes[child].kind == .element {
                    if run.first < 0 || !signatures.alike(child, run.first) {
                        close(run)
                        run = RunTally(first: child)
                    }
                    run.add(text: textBelow[child], links: linkBelow[child], marks: marks[child])
                }
                child = Int(nodes[child].nextSibling)
            }
            close(run)
        }
    }

    /// One run of alike siblings as it is being read.
    private struct RunTally {
        /// The run's first element: the others have its signature.
        var first = -1
        var length = 0
        var text = 0
        var links = 0
        var priced = 0
        var dated = 0
        var pictured = 0
        var headed = 0

        mutating func add(text: Int32, links: Int32, marks: UInt8) {
            length += 1
            self.text += Int(text)
            self.links += Int(links)
            priced += Int(marks & 1)
            dated += Int(marks >> 1 & 1)
            pictured += Int(marks >> 2 & 1)
            headed += Int(marks >> 3 & 1)
        }
    }

    private mutating func close(_ run: RunTally) {
        guard run.length >= Self.minRun, run.text >= run.length * 15 else { return }
        runs += 1
        largestRun = max(largestRun, run.length)
        elementsInRuns += run.length
        runTextBytes += run.text
        if run.text > bestRunTextBytes {
            bestRunTextBytes = run.text
            bestRunLinkTextBytes = run.links
            bestRunItems = run.length
            (bestRunPricedItems, bestRunDatedItems) = (run.priced, run.dated)
            (bestRunPicturedItems, bestRunHeadedItems) = (run.pictured, run.headed)
        }
    }

    /// What an item of a run may hold, as bits of `marks`: a price, a `<time>`, an image, a heading.
    private static let pricedMark: UInt8 = 1
    private static let itemMarks: [UInt8] = {
        var table = [UInt8](repeating: 0, count: HTMLTag.allCases.count)
        table[Int(HTMLTag.time.rawValue)] = 2
        for tag in [HTMLTag.img, .picture] { table[Int(tag.rawValue)] = 4 }
        for tag in [HTMLTag.h1, .h2, .h3, .h4, .h5, .h6] { table[Int(tag.rawValue)] = 8 }
        return table
    }()

    /// Text below these is not visible page text.
    private static let hiddenBit: UInt16 = 1 << 15

    /// Zone bits each tag adds, by raw tag value.
    private static let zoneBits: [UInt16?] = {
        var table = [UInt16?](repeating: nil, count: HTMLTag.allCases.count)
        func set(_ zone: Zone, _ tags: [HTMLTag]) {
            for tag in tags {
                table[Int(tag.rawValue)] = (table[Int(tag.rawValue)] ?? 0) | 1 << zone.rawValue
            }
        }
        set(.paragraph, [.p])
        set(.listItem, [.li])
        set(.tableCell, [.td, .th])
        set(.code, [.pre, .code])
        set(.link, [.a])
        set(.heading, [.h1, .h2, .h3, .h4, .h5, .h6])
        set(.chrome, [.nav, .header, .footer, .aside])
        set(.form, [.form])
        set(.article, [.article])
        set(.quote, [.blockquote])
        set(.control, [.button, .label, .option, .select])
        set(.definition, [.dd, .dt])
        set(.main, [.main])
        for tag in [HTMLTag.head, .script, .style, .template, .title, .svg, .textarea] {
            table[Int(tag.rawValue)] = hiddenBit
        }
        return table
    }()

    /// The counter of each tag, by raw tag value.
    private static let countedIndex: [Int?] = {
        var table = [Int?](repeating: nil, count: HTMLTag.allCases.count)
        func set(_ counted: Counted, _ tags: [HTMLTag]) {
            for tag in tags { table[Int(tag.rawValue)] = counted.rawValue }
        }
        set(.a, [.a])
        set(.p, [.p])
        set(.li, [.li])
        set(.list, [.ul, .ol])
        set(.table, [.table])
        set(.tr, [.tr])
        set(.cell, [.td, .th])
        set(.pre, [.pre])
        set(.code, [.code])
        set(.h1, [.h1])
        set(.h2, [.h2])
        set(.h3, [.h3])
        set(.minorHeading, [.h4, .h5, .h6])
        set(.form, [.form])
        set(.input, [.input, .textarea])
        set(.button, [.button])
        set(.select, [.select])
        set(.img, [.img])
        set(.article, [.article])
        set(.section, [.section])
        set(.time, [.time])
        set(.nav, [.nav])
        set(.aside, [.aside])
        set(.headerFooter, [.header, .footer])
        set(.iframe, [.iframe])
        set(.blockquote, [.blockquote])
        set(.dl, [.dl])
        set(.svg, [.svg])
        set(.label, [.label])
        set(.figure, [.figure])
        set(.media, [.video, .audio])
        set(.span, [.span])
        set(.div, [.div])
        set(.br, [.br])
        set(.strong, [.strong, .b])
        return table
    }()
}
