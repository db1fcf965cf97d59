/// Reads what the page shows in one pass: its `<h1>` headings, `<time>` elements (publication, or
/// update when after an update label), byline-like elements and a date in an element whose class
/// says it is the publication date. The wider scans of visible text (labelled dates and bylines,
/// the lines around the headline) run later, only when the declarations say nothing.
struct VisibleMetadataCollector {
    let document: HTMLDocument
    private(set) var headings: [TitleChoice.Heading] = []
    /// The first heading with text.
    private(set) var firstHeading: Int?
    /// The `datetime` of the first `<time>` not after an update label.
    private(set) var time: String?
    /// The `datetime` of the first `<time>` after an update label.
    private(set) var timeModified: String?
    /// Elements whose class marks a byline, in document order.
    private(set) var bylineElements: [Int] = []
    /// The first element with a class token naming a user name ("username", "bigusername").
    private(set) var firstUsername: Int?
    /// The text of the first element whose class says "publish" and that reads as a date.
    private(set) var publishedText: String?

    init(document: HTMLDocument) { self.document = document }

    /// Reads element `index`.
    mutating func read(_ index: Int) {
        switch document.nodes[index].tag {
        case .h1 where headings.count < HTMLMetadataExtractor.headingLimit:
            readHeading(index)
        case .time:
            readTime(index)
        default:
            break
        }
        guard document.nodes[index].attributeCount > 0, let slot = document.attributeSlot("class", of: index)
        else { return }
        // Read in place: most elements have a class, and few of them name a byline, a user or a date.
        let (byline, username, published) = document.bytes.withUnsafeBufferPointer { bytes in
            let classes = UnsafeBufferPointer(
                rebasing: bytes[Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)])
            guard Self.mayNameWriterOrDate(classes) else { return (false, false, false) }
            return (
                HTMLMetadataExtractor.isBylineClass(classes), HTMLMetadataExtractor.isUsernameClass(classes),
                publishedText == nil && HTMLMetadataExtractor.isPublishedClass(classes)
            )
        }
        if byline { bylineElements.append(index) }
        if username { readUsername(index) }
        if published {
            let text = document.rawText(of: index).collapsingWhitespace()
            if HTMLMetadataExtractor.plausibleDate(text) != nil { publishedText = text }
        }
    }

    /// False when `classes` cannot hold "byline", "author", "username" or "publish" (the words the
    /// byline, user-name and date tests look for): no two adjacent letters start one of them. One
    /// scan instead of four.
    static func mayNameWriterOrDate(_ classes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard classes.count >= 6 else { return false }
        var pair = UInt16(ASCII.lowercased(classes[0]))
        for position in 1..<classes.count {
            pair = pair << 8 | UInt16(ASCII.lowercased(classes[position]))
            // "by", "au", "us", "pu"
            if pair == 0x6279 || pair == 0x6175 || pair == 0x7573 || pair == 0x7075 { return true }
        }
        return false
    }

    private mutating func readHeading(_ index: Int) {
        let extractor = HTMLMetadataExtractor(document: document)
        let text = extractor.headingText(of: index)
        guard !text.isEmpty else { return }
        let marks = [document.attribute("itemprop", of: index), document.attribute("class", of: index)]
            .compactMap { $0?.lowercased() }.joined(separator: " ")
        let marked =
            (marks.contains("headline") || marks.contains("title")) && !marks.contains("site")
            && !marks.contains("logo")
        headings.append(TitleChoice.Heading(text: text, marked: marked, node: index))
        if firstHeading == nil { firstHeading = index }
    }

    /// Keeps the first user-name element, or the innermost one inside it ("avatar-username" around
    /// an avatar and the "username" link).
    private mutating func readUsername(_ index: Int) {
        guard let first = firstUsername else {
            firstUsername = index
            return
        }
        if HTMLMetadataExtractor(document: document).isInside(index, first) { firstUsername = index }
    }

    /// A `<time>` after an update label is the last update, not the publication.
    private mutating func readTime(_ index: Int) {
        guard time == nil || timeModified == nil else { return }
        let extractor = HTMLMetadataExtractor(document: document)
        // A `<time>` without `datetime` shows its date as text ("<time>Aug 04, 2025</time>").
        let value =
            document.attribute("datetime", of: index)
            ?? extractor.spacedText(of: index, limit: 48).flatMap {
                HTMLMetadataExtractor.plausibleDate($0) == nil ? nil : $0
            }
        if let text = extractor.firstText(in: index) ?? (index > 0 ? index - 1 : nil),
            extractor.isAfterUpdateLabel(text)
        {
            timeModified = timeModified ?? value
        } else if time == nil {
            time = value
        }
    }
}
