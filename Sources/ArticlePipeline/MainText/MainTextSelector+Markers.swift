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

    /// What the furniture tests of `BoilerplateRules` say of one `class` value.
    struct ClassMarks: OptionSet {
        let rawValue: UInt8
        /// `BoilerplateRules.hasMarker`.
        static let furniture = ClassMarks(rawValue: 1 << 0)
        /// `BoilerplateRules.hasReviewMarker` (product pages).
        static let reviews = ClassMarks(rawValue: 1 << 1)
        /// `BoilerplateRules.hasCaptionMarker`.
        static let caption = ClassMarks(rawValue: 1 << 2)
    }

    /// The attributes the furniture marking reads, found in one pass over an element's
    /// attributes (instead of one search per name).
    struct MarkerAttributes {
        var classSlot: HTMLAttributeSlot?
        var idSlot: HTMLAttributeSlot?
        var role: HTMLAttributeSlot?
        var hidden = false
        var ariaHidden: HTMLAttributeSlot?
        var style: HTMLAttributeSlot?

        init(of node: HTMLNode, in document: HTMLDocument, bytes: UnsafeBufferPointer<UInt8>) {
            let first = Int(node.firstAttribute)
            // The first attribute of each name counts, as `attributeSlot` finds it (the tokenizer
            // keeps no duplicates).
            for slot in document.attributes[first..<first + Int(node.attributeCount)] {
                let name = UnsafeBufferPointer(
                    rebasing: bytes[Int(slot.nameStart)..<Int(slot.nameStart + slot.nameLength)])
                switch name.count {
                case 2 where idSlot == nil:
                    if Self.equals(name, "id") { idSlot = slot }
                case 4 where role == nil:
                    if Self.equals(name, "role") { role = slot }
                case 5:
                    if classSlot == nil && Self.equals(name, "class") {
                        classSlot = slot
                    } else if style == nil && Self.equals(name, "style") {
                        style = slot
                    }
                case 6 where !hidden:
                    hidden = Self.equals(name, "hidden")
                case 11 where ariaHidden == nil:
                    if Self.equals(name, "aria-hidden") { ariaHidden = slot }
                default: continue
                }
            }
        }

        @inline(__always)
        private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
            guard name.count == literal.utf8CodeUnitCount else { return false }
            for offset in 0..<name.count where name[offset] != literal.utf8Start[offset] { return false }
            return true
        }
    }

    /// What the class and id words, the hidden state and (on product pages) the review words say
    /// of an element: furniture, a caption or credit, or neither. Class values are tested once per
    /// page (`classMarks`); ids are unique.
    func furnitureMarks(
        _ node: Int, classMarks: inout AttributeValueMemo<ClassMarks>
    ) -> (
        furniture: Bool, caption: Bool
    ) {
        let value = document.nodes[node]
        guard value.attributeCount > 0 else { return (false, false) }
        return document.bytes.withUnsafeBufferPointer { bytes in
            let attributes = MarkerAttributes(of: value, in: document, bytes: bytes)
            var classWords: ClassMarks = []
            if let slot = attributes.classSlot {
                classWords = classMarks.value(of: slot, in: bytes) { text in
                    var marks: ClassMarks = []
                    if BoilerplateRules.hasMarker(text, onThread: isThread) { marks.insert(.furniture) }
                    if dropsReviews && BoilerplateRules.hasReviewMarker(text) { marks.insert(.reviews) }
                    if BoilerplateRules.hasCaptionMarker(text) { marks.insert(.caption) }
                    return marks
                }
            }
            let id = attributes.idSlot.map {
                UnsafeBufferPointer(rebasing: bytes[Int($0.valueStart)..<Int($0.valueStart + $0.valueLength)])
            }
            let furniture =
                classWords.contains(.furniture)
                || (id.map { BoilerplateRules.hasMarker($0, onThread: isThread) } ?? false)
                || isHidden(attributes, bytes: bytes)
                || (dropsReviews
                    && (classWords.contains(.reviews)
                        || (id.map { BoilerplateRules.hasReviewMarker($0) } ?? false)))
            return (furniture, !furniture && classWords.contains(.caption))
        }
    }

    /// `hidden`, `aria-hidden="true"` or an inline `display: none` / `visibility: hidden`.
    func isHidden(_ attributes: MarkerAttributes, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // A tab panel is hidden only until its tab is chosen: its text is the page's (a product's
        // specifications, a service's details).
        if let role = attributes.role, Self.equals(bytes, role, "tabpanel") { return false }
        if attributes.hidden { return true }
        if let slot = attributes.ariaHidden, Self.compactLowercased(bytes, slot) == Array("true".utf8) {
            return true
        }
        guard let slot = attributes.style else { return false }
        let style = Self.compactLowercased(bytes, slot)
        return Self.contains(style, "display:none") || Self.contains(style, "visibility:hidden")
    }

    /// Whether the value of `slot` is `literal`, byte for byte.
    static func equals(
        _ bytes: UnsafeBufferPointer<UInt8>, _ slot: HTMLAttributeSlot, _ literal: StaticString
    ) -> Bool {
        guard Int(slot.valueLength) == literal.utf8CodeUnitCount else { return false }
        let start = Int(slot.valueStart)
        for offset in 0..<literal.utf8CodeUnitCount where bytes[start + offset] != literal.utf8Start[offset] {
            return false
        }
        return true
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
