/// One node of the light tree: a plain value with no references, so the tree is a few flat arrays.
struct HTMLNode: Sendable {
    enum Kind: UInt8, Sendable {
        case document, element, text, comment, doctype
    }

    var kind: Kind
    var tag: HTMLTag = .unknown
    var parent: Int32 = -1
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
    /// Text, comments, doctype: their decoded content. Unknown elements: their lower-cased name.
    /// A range of `HTMLDocument.bytes`.
    var start: Int32 = 0
    var length: Int32 = 0
    /// Elements: their attributes, a range of `HTMLDocument.attributes`.
    var firstAttribute: Int32 = 0
    var attributeCount: Int32 = 0
}

/// An attribute as written in a start tag: lower-cased name and decoded value, as ranges of
/// `HTMLDocument.bytes`.
struct HTMLAttributeSlot: Sendable {
    var nameStart: Int32
    var nameLength: Int32
    var valueStart: Int32
    var valueLength: Int32
}

/// Output of the parse stage: the nodes in document order (parents always before their children;
/// node 0 is the document), their text in one byte arena, and what the parser had to give up on.
///
/// The node and attribute arrays are reused from page to page by the parse stage (see
/// `ParseStage`); the bytes are one allocation per page, filled in place by the tokenizer.
struct HTMLDocument: Sendable {
    var nodes: [HTMLNode] = [HTMLNode(kind: .document)]
    var attributes: [HTMLAttributeSlot] = []
    /// Decoded text, attribute names and values, and names of unknown elements.
    var bytes: [UInt8] = []
    var warnings: [String] = []

    static let root = 0

    /// Empties the document, keeping the capacity of its arrays.
    mutating func reset() {
        nodes.removeAll(keepingCapacity: true)
        nodes.append(HTMLNode(kind: .document))
        attributes.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        warnings.removeAll()
    }

    func string(_ start: Int32, _ length: Int32) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(
                decoding: UnsafeBufferPointer(rebasing: buffer[Int(start)..<Int(start + length)]),
                as: UTF8.self)
        }
    }

    /// The element's lower-cased tag name; empty for other nodes.
    func name(of node: Int) -> String {
        let value = nodes[node]
        guard value.kind == .element else { return "" }
        return value.tag == .unknown ? string(value.start, value.length) : value.tag.name
    }

    /// The content of a text, comment or doctype node; empty for elements.
    func text(of node: Int) -> String {
        nodes[node].kind == .element ? "" : string(nodes[node].start, nodes[node].length)
    }

    /// The range in `attributes` of the attribute `name` (lower-case) of `node`.
    func attributeSlot(_ name: StaticString, of node: Int) -> HTMLAttributeSlot? {
        let value = nodes[node]
        guard value.attributeCount > 0 else { return nil }
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        guard let firstByte = wanted.first else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            for index in Int(value.firstAttribute)..<Int(value.firstAttribute + value.attributeCount) {
                let slot = attributes[index]
                guard Int(slot.nameLength) == wanted.count, buffer[Int(slot.nameStart)] == firstByte else {
                    continue
                }
                var same = true
                for offset in 0..<wanted.count where buffer[Int(slot.nameStart) + offset] != wanted[offset] {
                    same = false
                    break
                }
                if same { return slot }
            }
            return nil
        }
    }

    /// The decoded value of the attribute `name` (lower-case) of `node`.
    func attribute(_ name: StaticString, of node: Int) -> String? {
        attributeSlot(name, of: node).map { string($0.valueStart, $0.valueLength) }
    }

    /// The direct children of `node`, in order.
    func children(of node: Int) -> [Int] {
        var result: [Int] = []
        var child = nodes[node].firstChild
        while child >= 0 {
            result.append(Int(child))
            child = nodes[Int(child)].nextSibling
        }
        return result
    }

    /// The first element with tag `tag`, in document order.
    func firstElement(_ tag: HTMLTag) -> Int? {
        nodes.indices.first { nodes[$0].kind == .element && nodes[$0].tag == tag }
    }

    /// The first element named `name`, in document order.
    func firstElement(named name: String) -> Int? {
        nodes.indices.first { nodes[$0].kind == .element && self.name(of: $0) == name }
    }

    /// All descendant text of `node` (including raw text such as scripts), concatenated as written.
    /// Iterative, so deep trees fit the small stacks of worker threads.
    func rawText(of node: Int) -> String {
        var result: [UInt8] = []
        var pending: [Int32] = [nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                continue
            }
            let index = Int(next)
            pending[pending.count - 1] = nodes[index].nextSibling
            switch nodes[index].kind {
            case .text:
                let start = Int(nodes[index].start)
                result.append(contentsOf: bytes[start..<start + Int(nodes[index].length)])
            case .element: pending.append(nodes[index].firstChild)
            default: break
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
