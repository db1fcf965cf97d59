/// Builds the light tree from tokens: element nesting with void elements, the common implied end
/// tags, and the element-count and depth limits.
///
/// It follows the HTML standard's tree construction only where text extraction notices the
/// difference (where paragraphs, list items and table cells end); it does not synthesise
/// `html`/`head`/`body` and does not run the adoption agency algorithm.
struct HTMLTreeBuilder {
    private(set) var nodes: [HTMLNode]
    private(set) var warnings: [String] = []
    /// Set when the element limit was reached; the tokenizer stops feeding tokens.
    private(set) var stopped = false
    private var stack: [Int32] = [0]
    /// Names of elements opened beyond `maxDepth`: they were attached flat to the deepest open element.
    private var flattened: [String] = []
    private var elementCount = 0
    /// How many elements of each name are on the stack, so implied-end checks skip the stack walk
    /// when nothing could close (which keeps deep nesting linear).
    private var openCount: [String: Int] = [:]
    private let maxElements: Int
    private let maxDepth: Int

    init(settings: PipelineSettings) {
        maxElements = settings.maxElements
        maxDepth = max(1, settings.maxDepth)
        nodes = [HTMLNode(kind: .document, name: "", attributes: [], text: "")]
    }

    func finish() -> HTMLDocument {
        HTMLDocument(nodes: nodes, warnings: warnings)
    }

    /// Opens an element (or adds a void/self-closing one). Self-closing is honoured for every
    /// element, as XHTML authors and SVG intend; browsers would ignore it on a few HTML elements.
    mutating func startTag(_ name: String, attributes: [HTMLAttribute], selfClosing: Bool) {
        guard let index = insertElement(name, attributes: attributes) else { return }
        if selfClosing || HTMLTags.void.contains(name) { return }
        if stack.count > maxDepth {
            if flattened.isEmpty { warnings.append("nesting deeper than \(maxDepth) elements flattened") }
            flattened.append(name)
        } else {
            stack.append(Int32(index))
            openCount[name, default: 0] += 1
        }
    }

    /// Adds a raw-text element (script, style, title, ...) with its whole content as one text child.
    mutating func rawTextElement(_ name: String, attributes: [HTMLAttribute], content: String) {
        guard let index = insertElement(name, attributes: attributes), !content.isEmpty else { return }
        append(HTMLNode(kind: .text, name: "", attributes: [], text: content), under: index)
    }

    private mutating func insertElement(_ name: String, attributes: [HTMLAttribute]) -> Int? {
        guard !stopped else { return nil }
        if (name == "html" || name == "body") && hasOpen(name) { return nil }
        closeImplied(before: name)
        if elementCount >= maxElements {
            stopped = true
            warnings.append("more than \(maxElements) elements, the rest was not parsed")
            return nil
        }
        elementCount += 1
        return append(HTMLNode(kind: .element, name: name, attributes: attributes, text: ""))
    }

    mutating func endTag(_ name: String) {
        guard !stopped else { return }
        // Only the innermost flattened elements are searched, so stray end tags stay cheap.
        var flatPosition = flattened.count - 1
        while flatPosition >= max(0, flattened.count - 64) {
            if flattened[flatPosition] == name {
                flattened.removeSubrange(flatPosition...)
                return
            }
            flatPosition -= 1
        }
        let block = HTMLTags.special.contains(name)
        var position = stack.count - 1
        while position > 0 {
            let open = nodes[Int(stack[position])].name
            if open == name {
                pop(to: position)
                return
            }
            if block ? HTMLTags.scopeBoundary.contains(open) : HTMLTags.special.contains(open) { return }
            position -= 1
        }
    }

    mutating func text(_ value: String) {
        guard !stopped, !value.isEmpty else { return }
        let parent = Int(stack[stack.count - 1])
        let last = Int(nodes[parent].lastChild)
        if last >= 0 && nodes[last].kind == .text {
            nodes[last].text += value
        } else {
            append(HTMLNode(kind: .text, name: "", attributes: [], text: value))
        }
    }

    mutating func comment(_ value: String) {
        guard !stopped else { return }
        append(HTMLNode(kind: .comment, name: "", attributes: [], text: value))
    }

    mutating func doctype(_ value: String) {
        guard !stopped else { return }
        append(HTMLNode(kind: .doctype, name: "", attributes: [], text: value))
    }

    @discardableResult
    private mutating func append(_ node: HTMLNode, under explicitParent: Int? = nil) -> Int {
        let parent = explicitParent ?? Int(stack[stack.count - 1])
        let index = nodes.count
        var node = node
        node.parent = Int32(parent)
        nodes.append(node)
        let previous = nodes[parent].lastChild
        if previous >= 0 {
            nodes[Int(previous)].nextSibling = Int32(index)
        } else {
            nodes[parent].firstChild = Int32(index)
        }
        nodes[parent].lastChild = Int32(index)
        return index
    }

    private func hasOpen(_ name: String) -> Bool {
        openCount[name, default: 0] > 0
    }

    /// Pops the stack down to (and including) `position`; flattened elements close with it.
    private mutating func pop(to position: Int) {
        for open in stack[position...] {
            openCount[nodes[Int(open)].name, default: 0] -= 1
        }
        stack.removeSubrange(position...)
        flattened.removeAll()
    }

    /// The end tags HTML implies when `name` starts (e.g. a `<p>` ends at the next block).
    private mutating func closeImplied(before name: String) {
        if HTMLTags.closesParagraph.contains(name) {
            close(["p"], stoppingAt: HTMLTags.buttonScope)
        }
        switch name {
        case "li": close(["li"], stoppingAt: HTMLTags.listScope)
        case "dt", "dd": close(["dt", "dd"], stoppingAt: HTMLTags.definitionScope)
        case "option", "optgroup":
            closeCurrent(["option"])
            if name == "optgroup" { closeCurrent(["optgroup"]) }
        case "tr":
            if !close(["tr"], stoppingAt: HTMLTags.tableScope) {
                close(["td", "th"], stoppingAt: HTMLTags.tableScope)
            }
        case "td", "th": close(["td", "th"], stoppingAt: HTMLTags.rowScope)
        case "tbody", "thead", "tfoot":
            if !close(["tbody", "thead", "tfoot"], stoppingAt: HTMLTags.tableScope) {
                close(["tr", "td", "th"], stoppingAt: HTMLTags.tableScope)
            }
        case "h1", "h2", "h3", "h4", "h5", "h6": closeCurrent(HTMLTags.headings)
        case "a": close(["a"], stoppingAt: HTMLTags.scopeBoundary)
        case "body": close(["head"], stoppingAt: ["html"])
        default: break
        }
    }

    /// Pops up to and including the nearest open element named in `names`, unless a boundary comes
    /// first; returns whether it closed one.
    @discardableResult
    private mutating func close(_ names: Set<String>, stoppingAt boundary: Set<String>) -> Bool {
        guard names.contains(where: hasOpen) else { return false }
        var position = stack.count - 1
        while position > 0 {
            let open = nodes[Int(stack[position])].name
            if names.contains(open) {
                pop(to: position)
                return true
            }
            if boundary.contains(open) { return false }
            position -= 1
        }
        return false
    }

    private mutating func closeCurrent(_ names: Set<String>) {
        guard flattened.isEmpty, stack.count > 1, names.contains(nodes[Int(stack[stack.count - 1])].name)
        else {
            return
        }
        pop(to: stack.count - 1)
    }
}
