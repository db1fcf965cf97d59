/// The text of a short block read as a reader sees it: the texts of different elements apart.
extension HTMLMetadataExtractor {
    /// The text nodes inside `node`, one space between each two and runs of whitespace collapsed
    /// ("<div>Last updated:</div><div>Dec 12, 2025</div>" → "Last updated: Dec 12, 2025"), where
    /// `rawText` joins them as they are ("Last updated:Dec 12, 2025"): a label glued to the next
    /// element's first word hides both. Scripts and styles are left out. Nil when the text passes
    /// `limit` bytes, so a label's block is read only while short.
    func spacedText(of node: Int, limit: Int) -> String? {
        var result: [UInt8] = []
        var pending: [Int32] = [document.nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                continue
            }
            let index = Int(next)
            let child = document.nodes[index]
            pending[pending.count - 1] = child.nextSibling
            switch child.kind {
            case .text:
                let start = Int(child.start)
                result.append(0x20)
                result.append(contentsOf: document.bytes[start..<start + Int(child.length)])
                // Markup's indentation may pad a short block: the raw bytes get room for it.
                if result.count > 4 * limit { return nil }
            case .element where child.tag != .script && child.tag != .style:
                pending.append(child.firstChild)
            default: break
            }
        }
        let text = String(decoding: result, as: UTF8.self).collapsingWhitespace()
        return text.utf8.count <= limit ? text : nil
    }
}
