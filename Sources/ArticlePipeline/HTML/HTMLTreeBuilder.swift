/// Builds the light tree from tokens: element nesting with void elements, the common implied end
/// tags, tolerant closing of misnested tags, foreign content, and the element-count and depth limits.
///
/// It follows the HTML standard's tree construction only where text extraction notices the
/// difference (where paragraphs, list items and table cells end); it does not synthesise
/// `html`/`head`/`body` and does not run the adoption agency algorithm.
struct HTMLTreeBuilder {
    var document = HTMLDocument()
    /// The document's bytes while the page is tokenized (see `HTMLTokenizer.tokenize`).
    var arena = ByteArena()
    /// Set when the element limit was reached; the tokenizer stops feeding tokens.
    private(set) var stopped = false
    private var stack: [Int32] = [0]
    /// Elements opened beyond `maxDepth`: attached flat to the deepest open element.
    private var flattened: [Int32] = []
    private var elementCount = 0
    /// How many elements of each tag are on the stack, so implied-end checks skip the stack walk
    /// when nothing could close (which keeps deep nesting linear).
    private var openCount = [Int32](repeating: 0, count: HTMLTag.allCases.count)
    /// The same for unknown elements, by a hash of their name (a collision only costs a stack walk).
    private var openUnknown: [UInt64: Int32] = [:]
    private var maxElements = PipelineSettings().maxElements
    private var maxDepth = PipelineSettings().maxDepth

    /// Starts a new page, keeping the capacity of every buffer.
    mutating func reset(settings: PipelineSettings) {
        maxElements = settings.maxElements
        maxDepth = max(1, settings.maxDepth)
        document.reset()
        arena.removeAll()
        stopped = false
        stack.removeAll(keepingCapacity: true)
        stack.append(0)
        flattened.removeAll(keepingCapacity: true)
        elementCount = 0
        for index in openCount.indices { openCount[index] = 0 }
        openUnknown.removeAll(keepingCapacity: true)
    }

    /// True inside `<svg>` or `<math>`: self-closing tags are honoured and CDATA is text there.
    var inForeignContent: Bool {
        openCount[Int(HTMLTag.svg.rawValue)] > 0 || openCount[Int(HTMLTag.math.rawValue)] > 0
    }

    /// Inserts an element whose attributes are `document.attributes[firstAttribute...]`; returns
    /// its node, or nil when it was dropped. `nameStart`/`nameLength` locate the name of an unknown
    /// tag in the arena. Self-closing is honoured on void elements and in foreign content only.
    mutating func startTag(
        _ tag: HTMLTag, nameStart: Int32, nameLength: Int32, firstAttribute: Int, selfClosing: Bool
    ) -> Int? {
        guard !stopped, !((tag == .html || tag == .body) && openCount[Int(tag.rawValue)] > 0) else {
            document.attributes.removeSubrange(firstAttribute...)
            return nil
        }
        let flags = tag.flags
        let foreign = inForeignContent
        if foreign && Self.breaksOutOfForeignContent(tag) { closeForeignContent() }
        if openCount[Int(HTMLTag.head.rawValue)] > 0 && !Self.belongsInHead(tag) {
            close(.head, .head, stoppingAt: [])  // body content implies `</head>`
        }
        closeImplied(before: tag, flags: flags)
        if elementCount >= maxElements {
            stopped = true
            document.warnings.append("more than \(maxElements) elements, the rest was not parsed")
            return nil
        }
        elementCount += 1
        var node = HTMLNode(kind: .element, tag: tag)
        if tag == .unknown {
            node.start = nameStart
            node.length = nameLength
        }
        node.firstAttribute = Int32(firstAttribute)
        node.attributeCount = Int32(document.attributes.count - firstAttribute)
        let index = append(node)
        if flags.contains(.void) || (selfClosing && (foreign || flags.contains(.foreign))) { return index }
        if stack.count > maxDepth {
            if flattened.isEmpty {
                document.warnings.append("nesting deeper than \(maxDepth) elements flattened")
            }
            flattened.append(Int32(index))
        } else {
            stack.append(Int32(index))
            openCount[Int(tag.rawValue)] += 1
            if tag == .unknown { openUnknown[nameHash(Int(nameStart), Int(nameLength)), default: 0] += 1 }
        }
        return index
    }

    /// Closes the element named by the end tag, if one is open within reach. Unknown names are
    /// compared by their lower-cased bytes at `arena[nameStart...]`.
    mutating func endTag(_ tag: HTMLTag, nameStart: Int, nameLength: Int) {
        guard !stopped, tag != .body, tag != .html else { return }
        if tag == .br {  // `</br>` is a `<br>`, as browsers read it
            _ = startTag(
                .br, nameStart: 0, nameLength: 0, firstAttribute: document.attributes.count,
                selfClosing: false)
            return
        }
        // Only the innermost flattened elements are searched, so stray end tags stay cheap.
        var flatPosition = flattened.count - 1
        while flatPosition >= max(0, flattened.count - 64) {
            if matches(Int(flattened[flatPosition]), tag, nameStart, nameLength) {
                flattened.removeSubrange(flatPosition...)
                return
            }
            flatPosition -= 1
        }
        if tag != .unknown && openCount[Int(tag.rawValue)] == 0 { return }
        if tag == .unknown && openUnknown[nameHash(nameStart, nameLength), default: 0] == 0 { return }
        let boundary: HTMLTagFlags = tag.flags.contains(.special) ? .scopeBoundary : .special
        var position = stack.count - 1
        while position > 0 {
            let open = Int(stack[position])
            if matches(open, tag, nameStart, nameLength) {
                pop(to: position)
                return
            }
            let openTag = document.nodes[open].tag
            if openTag.flags.contains(boundary) || openTag.flags.contains(.foreign) { return }
            position -= 1
        }
    }

    /// Adds `arena[start..<end]` as text under the current element (or `parent`), joining
    /// it to a text node that ends right where it starts.
    mutating func text(start: Int, end: Int, parent explicitParent: Int? = nil) {
        guard !stopped, end > start else { return }
        let parent = explicitParent ?? Int(stack[stack.count - 1])
        let last = Int(document.nodes[parent].lastChild)
        if last >= 0 && document.nodes[last].kind == .text
            && Int(document.nodes[last].start + document.nodes[last].length) == start
        {
            document.nodes[last].length += Int32(end - start)
            return
        }
        var node = HTMLNode(kind: .text)
        node.start = Int32(start)
        node.length = Int32(end - start)
        append(node, under: parent)
    }

    mutating func comment(start: Int, end: Int) {
        guard !stopped else { return }
        var node = HTMLNode(kind: .comment)
        node.start = Int32(start)
        node.length = Int32(end - start)
        append(node)
    }

    mutating func doctype(start: Int, end: Int) {
        guard !stopped else { return }
        var node = HTMLNode(kind: .doctype)
        node.start = Int32(start)
        node.length = Int32(end - start)
        append(node)
    }

    @discardableResult
    private mutating func append(_ node: HTMLNode, under explicitParent: Int? = nil) -> Int {
        let parent = explicitParent ?? Int(stack[stack.count - 1])
        let index = document.nodes.count
        var node = node
        node.parent = Int32(parent)
        document.nodes.append(node)
        let previous = document.nodes[parent].lastChild
        if previous >= 0 {
            document.nodes[Int(previous)].nextSibling = Int32(index)
        } else {
            document.nodes[parent].firstChild = Int32(index)
        }
        document.nodes[parent].lastChild = Int32(index)
        return index
    }

    /// FNV-1a of the lower-cased name at `arena[start..<start + length]`.
    private func nameHash(_ start: Int, _ length: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<start + length {
            hash = (hash ^ UInt64(arena[index])) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private func matches(_ node: Int, _ tag: HTMLTag, _ nameStart: Int, _ nameLength: Int) -> Bool {
        let value = document.nodes[node]
        guard value.tag == tag else { return false }
        guard tag == .unknown else { return true }
        guard Int(value.length) == nameLength else { return false }
        let start = Int(value.start)
        for offset in 0..<nameLength
        where arena[start + offset] != arena[nameStart + offset] {
            return false
        }
        return true
    }

    /// Pops the stack down to (and including) `position`; flattened elements close with it.
    private mutating func pop(to position: Int) {
        while stack.count > position {
            let node = document.nodes[Int(stack.removeLast())]
            openCount[Int(node.tag.rawValue)] -= 1
            if node.tag == .unknown {
                openUnknown[nameHash(Int(node.start), Int(node.length)), default: 0] -= 1
            }
        }
        if !flattened.isEmpty { flattened.removeAll(keepingCapacity: true) }
    }

    /// Elements the standard keeps inside `<head>`; any other start tag ends it.
    private static func belongsInHead(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title,
            .noscript,
            .head:
            return true
        default:
            return false
        }
    }

    /// HTML start tags that end foreign content (the standard's breakout list).
    private static func breaksOutOfForeignContent(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2,
            .h3, .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre,
            .ruby, .s, .small, .span, .strong, .strike, .sub, .sup, .table, .tt, .u, .ul, .var:
            return true
        default:
            return false
        }
    }

    private mutating func closeForeignContent() {
        var position = 1
        while position < stack.count, !document.nodes[Int(stack[position])].tag.flags.contains(.foreign) {
            position += 1
        }
        if position < stack.count { pop(to: position) }
    }

    /// The end tags HTML implies when `tag` starts (e.g. a `<p>` ends at the next block).
    private mutating func closeImplied(before tag: HTMLTag, flags: HTMLTagFlags) {
        if flags.contains(.closesParagraph) {
            close(.p, .p, stoppingAt: .scopeBoundary, or: .button)
        }
        switch tag {
        case .li: close(.li, .li, stoppingAt: .scopeBoundary, or: .ul, .ol)
        case .dt, .dd: close(.dt, .dd, stoppingAt: .scopeBoundary, or: .dl)
        case .option: closeCurrent(.option)
        case .optgroup:
            closeCurrent(.option)
            closeCurrent(.optgroup)
        case .tr:
            if !close(.tr, .tr, stoppingAt: [], or: .table, .template) {
                close(.td, .th, stoppingAt: [], or: .table, .template)
            }
        case .td, .th: close(.td, .th, stoppingAt: [], or: .tr, .table, .template)
        case .tbody, .thead, .tfoot:
            if !close(.tbody, .thead, stoppingAt: [], or: .table, .template)
                && !close(.tfoot, .tfoot, stoppingAt: [], or: .table, .template)
            {
                close(.tr, .tr, stoppingAt: [], or: .table, .template)
                close(.td, .th, stoppingAt: [], or: .table, .template)
            }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if stack.count > 1, flattened.isEmpty,
                document.nodes[Int(stack[stack.count - 1])].tag.flags.contains(.heading)
            {
                pop(to: stack.count - 1)
            }
        case .a: close(.a, .a, stoppingAt: .scopeBoundary)
        case .body: close(.head, .head, stoppingAt: [])
        default: break
        }
    }

    /// Pops up to and including the nearest open `first` or `second`, unless an element with a
    /// `boundary` flag, `html` or one of the `also` tags comes first; returns whether it closed one.
    /// (Fixed parameters rather than a variadic list: this runs for most start tags.)
    @discardableResult
    private mutating func close(
        _ first: HTMLTag, _ second: HTMLTag, stoppingAt boundary: HTMLTagFlags, or also: HTMLTag = .html,
        _ also2: HTMLTag = .html, _ also3: HTMLTag = .html
    ) -> Bool {
        guard openCount[Int(first.rawValue)] > 0 || openCount[Int(second.rawValue)] > 0 else { return false }
        var position = stack.count - 1
        while position > 0 {
            let open = document.nodes[Int(stack[position])].tag
            if open == first || open == second {
                pop(to: position)
                return true
            }
            if (!boundary.isEmpty && open.flags.contains(boundary)) || open == also || open == also2
                || open == also3
                || open == .html
            {
                return false
            }
            position -= 1
        }
        return false
    }

    private mutating func closeCurrent(_ tag: HTMLTag) {
        guard flattened.isEmpty, stack.count > 1, document.nodes[Int(stack[stack.count - 1])].tag == tag
        else {
            return
        }
        pop(to: stack.count - 1)
    }
}
