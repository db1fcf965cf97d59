/// Repeated cards: listings, shop categories and topic pages are grids of items built alike (a
/// title, a short description or a price), with little prose. When the prose the selector found is
/// short and one element holds many alike children with much more text, those cards are the
/// content.
extension MainTextSelector {
    /// Cards: at least this many children of one element with the same tag and class ...
    static let minCards = 4
    /// ... holding this many non-space bytes of text each on average ...
    static let minCardText = 15
    /// ... and together this many times the prose of the prose container ...
    static let cardGain = 1.5
    /// ... which is looked past only when it holds less prose than this.
    static let maxProseForCards = 1500
    /// ... in at most this many units (three paragraphs are a short article, not a grid's intro).
    static let maxUnitsForCards = 2

    /// The element whose alike children hold the most text, when it beats `container` as above.
    func cardContainer(beating container: Int) -> Int? {
        guard measures[container].prose < Self.maxProseForCards,
            measures[container].units <= Self.maxUnitsForCards
        else { return nil }
        var groups: [CardKey: (count: Int, text: Int)] = [:]
        for index in document.nodes.indices.dropFirst()
        where document.nodes[index].kind == .element && !dropped[index] && measures[index].text > 0 {
            let parent = Int(document.nodes[index].parent)
            let key = CardKey(parent: parent, tag: document.nodes[index].tag, classHash: classHash(index))
            let group = groups[key, default: (0, 0)]
            groups[key] = (group.count + 1, group.text + measures[index].text)
        }
        var best: (node: Int, text: Int)?
        for (key, group) in groups
        where group.count >= Self.minCards && group.text >= group.count * Self.minCardText
            && group.text > (best?.text ?? 0)
        {
            best = (key.parent, group.text)
        }
        guard let best, Double(best.text) >= Self.cardGain * Double(measures[container].prose) else {
            return nil
        }
        // Cards inside the prose container: the container, read as cards (its intro stays).
        return isAncestor(container, of: best.node) ? container : best.node
    }

    /// True when `ancestor` is `node` or one of its ancestors.
    func isAncestor(_ ancestor: Int, of node: Int) -> Bool {
        var current = node
        while current >= 0 {
            if current == ancestor { return true }
            current = Int(document.nodes[current].parent)
        }
        return false
    }

    /// A hash of the `class` value (0 without one).
    private func classHash(_ node: Int) -> UInt64 {
        guard document.nodes[node].attributeCount > 0, let slot = document.attributeSlot("class", of: node)
        else {
            return 0
        }
        return StableID.hash64(document.bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)])
    }
}

/// Children of one parent that look alike.
private struct CardKey: Hashable {
    var parent: Int
    var tag: HTMLTag
    var classHash: UInt64
}
