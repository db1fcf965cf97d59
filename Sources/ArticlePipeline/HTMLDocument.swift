/// An attribute as written in a start tag: lower-cased name, decoded value.
struct HTMLAttribute: Sendable, Equatable {
    var name: String
    var value: String
}

/// One node of the light tree: an element, a run of text, a comment or the doctype.
struct HTMLNode: Sendable {
    enum Kind: UInt8, Sendable {
        case document, element, text, comment, doctype
    }

    var kind: Kind
    /// The lower-cased tag name for elements; empty otherwise.
    var name: String
    var attributes: [HTMLAttribute]
    /// The decoded text of text nodes, comments and the doctype.
    var text: String
    var parent: Int32 = -1
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var nextSibling: Int32 = -1
}

/// Output of the parse stage: the nodes in document order (parents always before their children;
/// node 0 is the document), plus what the parser had to give up on.
struct HTMLDocument: Sendable {
    var nodes: [HTMLNode]
    var warnings: [String]

    static let root = 0

    func attribute(_ name: String, of node: Int) -> String? {
        for attribute in nodes[node].attributes where attribute.name == name {
            return attribute.value
        }
        return nil
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

    /// The first element named `name`, in document order.
    func firstElement(named name: String) -> Int? {
        nodes.indices.first { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// All descendant text of `node` (including raw text such as scripts), concatenated as written.
    /// Iterative, so deep trees fit the small stacks of worker threads.
    func rawText(of node: Int) -> String {
        var result = ""
        var pending: [Int32] = [nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                continue
            }
            let index = Int(next)
            pending[pending.count - 1] = nodes[index].nextSibling
            switch nodes[index].kind {
            case .text: result += nodes[index].text
            case .element: pending.append(nodes[index].firstChild)
            default: break
            }
        }
        return result
    }
}
