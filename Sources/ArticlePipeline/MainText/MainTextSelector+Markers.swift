/// What the furniture marking reads off an element: `class`/`id` marker words, the hidden state,
/// and the two structural exceptions (an item of a feed, an element around the page's `<main>`).
extension MainTextSelector {
    /// Per node, whether it is an `<article>` among at least `minCards` sibling `<article>`s (an
    /// item of a feed or grid, not the page's story).
    func feedItems() -> [Bool] {
        var articleChildren = [Int32](repeating: 0, count: document.nodes.count)
        for index in document.nodes.indices.dropFirst() where document.nodes[index].tag == .article {
            articleChildren[Int(document.nodes[index].parent)] += 1
        }
        return document.nodes.indices.map { index in
            index > 0 && document.nodes[index].tag == .article
                && articleChildren[Int(document.nodes[index].parent)] >= Self.minCards
        }
    }

    /// Per node, whether it is an ancestor of a `<main>` element.
    func landmarkHolders() -> [Bool] {
        var result = [Bool](repeating: false, count: document.nodes.count)
        for index in document.nodes.indices where document.nodes[index].tag == .main {
            var ancestor = Int(document.nodes[index].parent)
            while ancestor > 0 && !result[ancestor] {
                result[ancestor] = true
                ancestor = Int(document.nodes[ancestor].parent)
            }
        }
        return result
    }

    func hasMarker(
        _ attribute: StaticString, _ node: Int, caption: Bool = false, reviews: Bool = false
    ) -> Bool {
        guard let slot = document.attributeSlot(attribute, of: node) else { return false }
        return document.bytes.withUnsafeBufferPointer { bytes in
            let value = UnsafeBufferPointer(
                rebasing: bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)])
            if reviews { return BoilerplateRules.hasReviewMarker(value) }
            return caption
                ? BoilerplateRules.hasCaptionMarker(value)
                : BoilerplateRules.hasMarker(value, onThread: isThread)
        }
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display: none` / `visibility: hidden`.
    func isHidden(_ node: Int) -> Bool {
        guard document.nodes[node].attributeCount > 0 else { return false }
        // A tab panel is hidden only until its tab is chosen: its text is the page's (a product's
        // specifications, a service's details).
        if document.attribute("role", of: node) == "tabpanel" { return false }
        if document.attributeSlot("hidden", of: node) != nil { return true }
        return document.bytes.withUnsafeBufferPointer { bytes in
            if let slot = document.attributeSlot("aria-hidden", of: node),
                Self.compactLowercased(bytes, slot) == Array("true".utf8)
            {
                return true
            }
            guard let slot = document.attributeSlot("style", of: node) else { return false }
            let style = Self.compactLowercased(bytes, slot)
            return Self.contains(style, "display:none") || Self.contains(style, "visibility:hidden")
        }
    }

    /// An attribute value lower-cased, without spaces.
    static func compactLowercased(
        _ bytes: UnsafeBufferPointer<UInt8>, _ slot: HTMLAttributeSlot
    ) -> [UInt8] {
        var result: [UInt8] = []
        for index in Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)
        where !ASCII.isWhitespace(bytes[index]) {
            result.append(ASCII.lowercased(bytes[index]))
        }
        return result
    }

    static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        let pointer = needle.utf8Start
        outer: for start in 0...(haystack.count - count) {
            for offset in 0..<count where haystack[start + offset] != pointer[offset] { continue outer }
            return true
        }
        return false
    }
}
