/// Visible publication dates and bylines for pages whose markup declares none: a short text with a publication
/// label ("publiziert am 25. September 2018", "기사입력 :[ 2018-08-25 15:24 ]", "Published:
/// Monday, November 18th, 2019"), else a short text that is only a date just after the headline
/// ("18 NOV 2019", "Monday, November 18, 2019"); a short text with a byline label.
extension HTMLMetadataExtractor {
    /// Longest text (bytes) read as a label's block.
    private static let blockLimit = 240
    /// Longest label text (bytes) whose date may sit in a neighbour ("Published on", "Posted by
    /// Jane Doe on").
    private static let labelLimit = 80

    /// The first labelled date in document order. The date may sit in the label's own text or in a
    /// neighbour inside the same short block ("<b>05/10/2018</b> - Publicado por: …",
    /// "<strong>Published:</strong> Monday, …"): up to two enclosing elements are read while their
    /// text stays short.
    func labelledDate(order: DateNormaliser.NumericOrder) -> String? {
        for index in document.nodes.indices where isVisibleText(index, maxLength: Self.blockLimit) {
            let node = document.nodes[index]
            let start = Int(node.start)
            guard
                PublicationLabels.matcher.firstMatch(in: document.bytes[start..<start + Int(node.length)])
                    != nil, !hasUpdateLabel(index)
            else {
                continue
            }
            let text = document.text(of: index)
            if let date = Self.plausibleDate(text, order: order) { return date }
            // Only a label reads its neighbours: a sentence that says "published" is not one.
            guard text.trimmingASCIIWhitespace().utf8.count <= Self.labelLimit else { continue }
            var block = Int(document.nodes[index].parent)
            for _ in 0..<2 where block > 0 {
                let around = document.rawText(of: block).collapsingWhitespace()
                guard around.utf8.count <= Self.blockLimit else { break }
                if let date = Self.plausibleDate(around, order: order) { return date }
                block = Int(document.nodes[block].parent)
            }
        }
        return nil
    }

    /// The first text after the headline `heading` and before the article body (the first text
    /// of over `bodyLength` bytes), where bylines are, that is a whole date (`wholeDate`), so
    /// running text, captions and source lists are not taken; else the nearest such text in the
    /// `before` nodes above the headline (a date line over it in the same header).
    func dateAfterHeading(
        _ heading: Int, order: DateNormaliser.NumericOrder, window: Int = 400, before: Int = 40,
        bodyLength: Int = 200
    ) -> String? {
        let end = min(document.nodes.count, heading + window)
        forward: for index in (heading + 1)..<max(heading + 1, end)
        where isVisibleText(index, maxLength: Int.max) {
            if document.nodes[index].length > bodyLength { break forward }
            if let date = wholeDate(index, order: order) { return date }
        }
        // A date line may also sit just above the headline, in the same header.
        var index = heading - 1
        while index > max(0, heading - before) {
            defer { index -= 1 }
            guard isVisibleText(index, maxLength: Int.max) else { continue }
            guard document.nodes[index].length <= bodyLength else { return nil }
            if let date = wholeDate(index, order: order) { return date }
        }
        return nil
    }

    /// The date of a text node that is only a date, or a byline line whose last part after a
    /// separator is one ("Jane Doe | Senior Writer | July 2, 2025"): at most 48 bytes, not after
    /// an update label (see `wholeDate(in:order:)`).
    func wholeDate(_ index: Int, order: DateNormaliser.NumericOrder) -> String? {
        // The 48 bytes are counted without the markup's indentation around the text.
        guard document.nodes[index].length <= 4 * 48 else { return nil }
        let shown = document.text(of: index).trimmingASCIIWhitespace()
        guard shown.utf8.count <= 48, !isAfterUpdateLabel(index) else { return nil }
        // A date after the byline's separator in its own text node ("<b>By Jane Doe</b> - Mar 27,
        // 2024") starts with the separator.
        var text = shown
        if let first = shown.first, Self.leadingSeparators.contains(first) {
            // Only when a date follows the separator at once: "– Ends Aug 2, 2026" is an offer's.
            text = String(shown.drop(while: { Self.leadingSeparators.contains($0) }))
                .trimmingASCIIWhitespace()
            guard let word = text.split(separator: " ").first,
                word.first?.isNumber == true || MonthNames.month(lowercased: word.lowercased()) != nil
            else { return nil }
        }
        if let date = Self.wholeDate(in: text, order: order) { return date }
        let parts = TitleChoice.segments(of: text).segments
        guard parts.count > 1, let last = parts.last else { return nil }
        return Self.wholeDate(in: last, order: order)
    }

    /// Separators that join a byline to its date line.
    private static let leadingSeparators: Set<Character> = [
        "-", "–", "—", "|", "·", "•", "/", ":", ",", "\u{A0}",
    ]

    /// The date of a text that is only a date: starting with a letter or digit, parsing to a day,
    /// with at most three words of letters (month, weekday, zone).
    static func wholeDate(in text: String, order: DateNormaliser.NumericOrder) -> String? {
        guard let first = text.first, first.isLetter || first.isNumber, text.contains(where: \.isNumber),
            text.split(whereSeparator: { !$0.isLetter }).count <= 3
        else { return nil }
        return plausibleDate(text, order: order)
    }

    /// The names after the first byline label in a short visible text ("Posted by Jane Doe",
    /// "Publicado por: Clarissa Borba - Categoria: …"); the label's parent block is read when the
    /// name is in a neighbouring element ("Posted by <a>Jane Doe</a>").
    func labelledByline() -> [String]? {
        for index in document.nodes.indices where isVisibleText(index, maxLength: Self.blockLimit) {
            let node = document.nodes[index]
            let start = Int(node.start)
            let bytes = document.bytes[start..<start + Int(node.length)]
            let labelled = BylineLabels.matcher.firstMatch(in: bytes) != nil
            guard labelled || BylineLabels.mayBeLabelAlone(bytes) else { continue }
            let text = document.text(of: index).collapsingWhitespace()
            let alone = BylineLabels.isLabelAlone(text)
            guard labelled || alone else { continue }
            if let names = BylineLabels.names(in: text) { return names }
            // The name may be in a neighbour: read up to two enclosing elements while short.
            var block = Int(node.parent)
            for _ in 0..<2 where block > 0 && labelled {
                let around = document.rawText(of: block).collapsingWhitespace()
                guard around.utf8.count <= Self.blockLimit else { break }
                if let names = BylineLabels.names(in: around) { return names }
                block = Int(document.nodes[block].parent)
            }
            // A label in an element of its own ("Written by", "Author") names the writer in the
            // next short text.
            if alone, let next = nextVisibleText(after: index), let names = BylineLabels.namesAfterLabel(next)
            {
                return names
            }
        }
        return nil
    }

    /// The next visible text within a few nodes of `index`, when it is short.
    private func nextVisibleText(after index: Int, within: Int = 8, maxLength: Int = 100) -> String? {
        for next in (index + 1)..<min(document.nodes.count, index + within)
        where isVisibleText(next, maxLength: Int.max, minLength: 2) {
            let text = document.text(of: next).collapsingWhitespace()
            if text.isEmpty { continue }
            return text.utf8.count <= maxLength ? text : nil
        }
        return nil
    }

    /// A byline that starts with "By" between the headline `heading` and the article body (the
    /// first text of over `bodyLength` bytes): "By Dr. Ines Calloway - Mar 27, 2024", or "By" with
    /// the names in the next text.
    func bylineAfterHeading(_ heading: Int, window: Int = 300, bodyLength: Int = 200) -> [String]? {
        let end = min(document.nodes.count, heading + window)
        var afterLabel = false
        for index in (heading + 1)..<max(heading + 1, end)
        where isVisibleText(index, maxLength: Int.max, minLength: 2) {
            let length = Int(document.nodes[index].length)
            guard length <= bodyLength else { return nil }
            let text = document.text(of: index).collapsingWhitespace()
            guard !text.isEmpty else { continue }
            if afterLabel { return BylineLabels.namesAfterLabel(text) }
            let lower = text.lowercased()
            if lower == "by" || lower == "by:" {
                afterLabel = true
            } else if lower.hasPrefix("by "),
                let names = BylineLabels.namesAfterLabel(String(text.dropFirst(3)))
            {
                return names
            }
        }
        return nil
    }

    /// A Korean signature ("정덕현 칼럼니스트" followed by a mailto link, "홍길동 기자 hong@…"): a
    /// short text of a name and a role, with an e-mail address in it or in the next element.
    func koreanSignature() -> [String]? {
        for index in document.nodes.indices where isVisibleText(index, maxLength: 120) {
            let node = document.nodes[index]
            let start = Int(node.start)
            guard KoreanByline.matcher.firstMatch(in: document.bytes[start..<start + Int(node.length)]) != nil
            else { continue }
            let text = document.text(of: index)
            guard let name = KoreanByline.name(in: text) else { continue }
            let next = Int(node.nextSibling)
            let mailLink =
                next > 0 && document.nodes[next].tag == .a
                && document.attribute("href", of: next)?.lowercased().hasPrefix("mailto:") == true
            if text.contains("@") || mailLink { return [name] }
        }
        return nil
    }

    /// A text node of `minLength`…`maxLength` bytes outside scripts, styles and the like.
    func isVisibleText(_ index: Int, maxLength: Int, minLength: Int = 4) -> Bool {
        let node = document.nodes[index]
        guard node.kind == .text, node.length >= minLength, node.length <= maxLength, node.parent > 0 else {
            return false
        }
        switch document.nodes[Int(node.parent)].tag {
        case .script, .style, .noscript, .template, .title, .textarea: return false
        default: return true
        }
    }
}
