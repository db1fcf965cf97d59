/// A date line beside the byline: pages set the writer's name and the date together ("Written by
/// Jane Doe" over "April 8, 2024", "Jane Doe · 23.07.2025 · 6 min read"), also where a summary
/// between the headline and the byline hides both from the headline's own date line.
extension HTMLMetadataExtractor {
    /// Nodes read after the byline's text for its date line, and before it.
    private static let afterByline = 40
    private static let beforeByline = 12
    /// A text longer than this (bytes) is running text: the byline's block has ended.
    private static let bylineBlockText = 200
    /// The byline's text is short: the name with a label, a role or a date.
    private static let bylineText = 120

    /// The first whole date (see `wholeDate`) next to the first short visible text that holds the
    /// first of `authors`, reading forward until a long text, then backward; nil when no short
    /// text names the author.
    func dateBesideByline(authors: [String], order: DateNormaliser.NumericOrder) -> String? {
        guard let name = authors.first, name.utf8.count >= 4, let byline = bylineText(naming: name) else {
            return nil
        }
        let end = min(document.nodes.count, byline + Self.afterByline)
        for index in byline..<end where isVisibleText(index, maxLength: Int.max) {
            if document.nodes[index].length > Self.bylineBlockText { break }
            if let date = wholeDate(index, order: order) { return date }
        }
        var index = byline - 1
        while index > max(0, byline - Self.beforeByline) {
            defer { index -= 1 }
            guard isVisibleText(index, maxLength: Int.max) else { continue }
            guard document.nodes[index].length <= Self.bylineBlockText else { return nil }
            if let date = wholeDate(index, order: order) { return date }
        }
        return nil
    }

    /// The first short visible text node that holds `name`.
    private func bylineText(naming name: String) -> Int? {
        let wanted = Array(name.utf8)
        for index in document.nodes.indices where isVisibleText(index, maxLength: Self.bylineText) {
            let start = Int(document.nodes[index].start)
            let text = document.bytes[start..<start + Int(document.nodes[index].length)]
            if text.firstRange(of: wanted) != nil { return index }
        }
        return nil
    }
}
