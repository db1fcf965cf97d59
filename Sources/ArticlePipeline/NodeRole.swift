/// What an element means to extraction, computed once per node so the passes over the tree test
/// bits instead of hashing tag names again and again.
struct NodeRole: OptionSet, Sendable {
    let rawValue: UInt8

    /// `<p>`: votes for its container.
    static let paragraph = NodeRole(rawValue: 1 << 0)
    /// `<a>`: its text is link text.
    static let link = NodeRole(rawValue: 1 << 1)
    /// Script, style and other raw-text elements, and text inside them.
    static let rawText = NodeRole(rawValue: 1 << 2)
    /// Elements whose text becomes one paragraph (`HTMLContentExtractor.blockTags`).
    static let block = NodeRole(rawValue: 1 << 3)
    /// Block-level elements and `<br>`: their boundaries separate words and loose text runs.
    static let separator = NodeRole(rawValue: 1 << 4)
    /// `<figcaption>`: belongs to `images`, not the text.
    static let caption = NodeRole(rawValue: 1 << 5)
    /// A text node.
    static let text = NodeRole(rawValue: 1 << 6)

    /// The roles of every node of `document`, and the non-whitespace byte length of every text node
    /// (zero inside raw-text elements).
    static func roles(of document: HTMLDocument) -> (roles: [NodeRole], textLength: [Int]) {
        var roles = [NodeRole](repeating: [], count: document.nodes.count)
        var lengths = [Int](repeating: 0, count: document.nodes.count)
        for index in document.nodes.indices {
            let node = document.nodes[index]
            switch node.kind {
            case .element:
                let name = node.name
                var role: NodeRole = []
                if name == "p" { role.insert(.paragraph) }
                if name == "a" { role.insert(.link) }
                if name == "figcaption" { role.insert(.caption) }
                if HTMLTags.rawText.contains(name) { role.insert(.rawText) }
                if HTMLContentExtractor.blockTags.contains(name) { role.insert(.block) }
                if name == "br" || HTMLTags.special.contains(name) { role.insert(.separator) }
                roles[index] = role
            case .text:
                let parent = Int(node.parent)
                if parent >= 0 && roles[parent].contains(.rawText) {
                    roles[index] = [.text, .rawText]
                    continue
                }
                roles[index] = .text
                var length = 0
                for byte in node.text.utf8 where !ASCII.isWhitespace(byte) { length += 1 }
                lengths[index] = length
            default: continue
            }
        }
        return (roles, lengths)
    }
}
