/// The readers' comments under an article: a heading that opens them ("34 responses to …",
/// "Leave a Reply", see `CommentHeading`) ends the article in document order. Class names usually
/// say where comments are; this reads the page's own words, so it holds where they do not (older
/// markup, or names that say nothing).
extension MainTextSelector {
    /// Prose (non-space bytes) that must come before such a heading: a comment count at the top of
    /// a story ("12 Comments" beside the byline) does not end it.
    static let minProseBeforeComments = 150

    /// The first comment heading after the article's first prose, if any: a kept text block, not a
    /// link, whose words announce the comments. Everything from it on is the readers'.
    func commentHeading() -> Int? {
        guard !isThread else { return nil }
        // Nodes are stored in document order (the tree builder only appends).
        var proseBefore = 0
        for index in document.nodes.indices.dropFirst() where !dropped[index] {
            let measure = measures[index]
            if proseBefore >= Self.minProseBeforeComments, roles[index].contains(.block),
                !measure.blockInside, measure.text > 0, measure.text <= CommentHeading.maxLength,
                !measure.insideLink, measure.links * 2 <= measure.text, mayNameComments(index),
                CommentHeading.matches(visibleText(of: index))
            {
                return index
            }
            proseBefore += measure.unitProse
        }
        return nil
    }

    /// Drops `heading` and every node after it in document order.
    mutating func dropComments(from heading: Int) {
        for index in heading..<document.nodes.count { markDropped(index) }
    }

    /// Stems of the words `CommentHeading` reads (lower-case ASCII), looked for in the text bytes
    /// under a short block before its text is built: most blocks name no comments.
    private static let commentStems: [StaticString] = ["omment", "oment", "repl", "respons", "reacti"]

    /// True when a text node under `node` holds one of `commentStems`, in any case.
    private func mayNameComments(_ node: Int) -> Bool {
        var last = node
        while document.nodes[last].lastChild >= 0 { last = Int(document.nodes[last].lastChild) }
        guard last > node else { return false }
        for index in (node + 1)...last where document.nodes[index].kind == .text {
            let start = Int(document.nodes[index].start)
            let text = document.bytes[start..<start + Int(document.nodes[index].length)]
            if Self.commentStems.contains(where: { ASCII.contains(text, $0) }) { return true }
        }
        return false
    }
}
