/// What an element means to extraction, computed once per node so the passes over the tree test
/// bits instead of looking at tags again and again.
struct NodeRole: OptionSet, Sendable {
    let rawValue: UInt8

    /// `<p>`: votes for its container.
    static let paragraph = NodeRole(rawValue: 1 << 0)
    /// `<a>`: its text is link text.
    static let link = NodeRole(rawValue: 1 << 1)
    /// Script, style and other raw-text elements, and text inside them.
    static let rawText = NodeRole(rawValue: 1 << 2)
    /// Elements whose text becomes one paragraph (`HTMLTagFlags.textBlock`).
    static let block = NodeRole(rawValue: 1 << 3)
    /// Block-level elements and `<br>`: their boundaries separate words and loose text runs.
    static let separator = NodeRole(rawValue: 1 << 4)
    /// `<figcaption>`: belongs to `images`, not the text.
    static let caption = NodeRole(rawValue: 1 << 5)
    /// A text node.
    static let text = NodeRole(rawValue: 1 << 6)

    /// The roles of every node of `document`, and the non-whitespace byte length of every text node
    /// (zero inside raw-text elements).
    static func roles(of document: HTMLDocument) -> (roles: [NodeRole], textLength: [Int32]) {
        let count = document.nodes.count
        var roles = [NodeRole](repeating: [], count: count)
        var lengths = [Int32](repeating: 0, count: count)
        let byTag = elementRoles
        let spaces = isSpace
        document.nodes.withUnsafeBufferPointer { nodes in
            document.bytes.withUnsafeBufferPointer { bytes in
                roles.withUnsafeMutableBufferPointer { roles in
                    for index in 0..<count {
                        let node = nodes[index]
                        switch node.kind {
                        case .element:
                            roles[index] = byTag[Int(node.tag.rawValue)]
                        case .text:
                            let parent = Int(node.parent)
                            if parent >= 0 && roles[parent].contains(.rawText) {
                                roles[index] = [.text, .rawText]
                                continue
                            }
                            roles[index] = .text
                            var whitespace = 0
                            let start = Int(node.start)
                            for offset in start..<start + Int(node.length) {
                                whitespace &+= Int(spaces[Int(bytes[offset])])
                            }
                            lengths[index] = node.length - Int32(whitespace)
                        default: continue
                        }
                    }
                }
            }
        }
        return (roles, lengths)
    }

    /// The role of an element by its tag's raw value.
    static let elementRoles: [NodeRole] = HTMLTag.allCases.map { tag in
        let flags = tag.flags
        var role: NodeRole = []
        if tag == .p { role.insert(.paragraph) }
        if tag == .a { role.insert(.link) }
        if tag == .figcaption { role.insert(.caption) }
        if !flags.isDisjoint(with: [.rawText, .rcdata, .scriptData]) || tag == .template {
            role.insert(.rawText)
        }
        if flags.contains(.textBlock) { role.insert(.block) }
        if flags.contains(.separator) { role.insert(.separator) }
        return role
    }

    /// 1 for the bytes `ASCII.isWhitespace` accepts, by byte value: one load per byte of text.
    static let isSpace: [UInt8] = (0...255).map { ASCII.isWhitespace(UInt8($0)) ? 1 : 0 }
}
