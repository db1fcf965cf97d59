/// Stage 4 (extract, plain text): reads a text scrape of a news page, where the layout survives only as
/// lines and blank lines.
///
/// Blocks are runs of non-blank lines. A short label line followed by a headline gives section and
/// title; "Photo by …"-style lines give an image credit and the next line its caption; short label
/// lines right after a caption (UI text, often in the site's other language) are dropped; a tail
/// such as "More In …" or "Related" ends the article. The rest are paragraphs.
struct TextScrapeExtractStage {
    /// Lines that start an image credit.
    static let creditPrefixes = [
        "photo by ", "photo: ", "photograph: ", "photograph by ", "image: ", "credit: ", "picture: ",
    ]
    /// Lines that start the page's tail of links and teasers.
    static let tailPrefixes = [
        "more in ", "more from ", "related", "read more", "more...", "more stories", "recommended",
        "you may also like", "see also", "most read", "most popular",
    ]
    /// Whole lines that are page furniture wherever they appear.
    static let furnitureLines: Set<String> = [
        "advertisement", "share", "share this article", "skip advertisement",
    ]

    /// A non-blank line and the block (run of non-blank lines) it belongs to.
    private struct Line {
        var text: String
        var block: Int
    }

    /// Input: the decoded text. Output: the extracted article.
    func extract(_ text: String) -> ExtractedArticle {
        var article = ExtractedArticle()
        var lines = Self.lines(of: text)
        lines = Self.cuttingTail(lines)
        var next = readHeader(lines, into: &article)
        var kept: [Line] = []
        while next < lines.count {
            let line = lines[next]
            let lower = line.text.lowercased()
            next += 1
            if Self.furnitureLines.contains(lower.trimmingCharacters(in: ".:")) { continue }
            if let prefix = Self.creditPrefixes.first(where: { lower.hasPrefix($0) }) {
                let credit = String(line.text.dropFirst(prefix.count)).trimmingASCIIWhitespace()
                var image = ArticleRecord.Image(credit: credit.isEmpty ? nil : credit)
                if next < lines.count, lines[next].block == line.block, !Self.endsSentence(line.text) {
                    let split = ImageCredit.split(lines[next].text)
                    image.caption = split.caption
                    image.credit = image.credit ?? split.credit
                    next += 1
                    while next < lines.count, lines[next].block == line.block,
                        Self.isShortLabel(lines[next].text)
                    {
                        next += 1
                    }
                }
                article.images.append(image)
                continue
            }
            if article.authors.isEmpty, kept.isEmpty, lower.hasPrefix("by "),
                Self.isShortLabel(line.text, maxWords: 8)
            {
                article.authors = HTMLMetadataExtractor.splitAuthors([line.text])
                continue
            }
            kept.append(line)
        }
        article.paragraphs = Self.paragraphs(from: kept)
        if article.paragraphs.isEmpty { article.warnings.append("no article text found") }
        return article
    }

    /// Section and title from the first blocks; returns the index of the first line after them.
    private func readHeader(_ lines: [Line], into article: inout ExtractedArticle) -> Int {
        guard let first = lines.first else { return 0 }
        let firstBlockIsOneLine = lines.count > 1 && lines[1].block != first.block
        if firstBlockIsOneLine, Self.isShortLabel(first.text, maxWords: 4), Self.isTitleLike(lines[1].text) {
            article.section = first.text
            article.title = lines[1].text
            return 2
        }
        if lines.count > 1, Self.isTitleLike(first.text), !Self.isShortLabel(first.text, maxWords: 2) {
            article.title = first.text
            return 1
        }
        return 0
    }

    private static func lines(of text: String) -> [Line] {
        var result: [Line] = []
        var block = 0
        var previousBlank = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).collapsingWhitespace()
            if line.isEmpty {
                if !previousBlank && !result.isEmpty { block += 1 }
                previousBlank = true
                continue
            }
            previousBlank = false
            result.append(Line(text: line, block: block))
        }
        return result
    }

    /// Everything from the first tail line on is dropped (a tail line is short or unpunctuated).
    private static func cuttingTail(_ lines: [Line]) -> [Line] {
        guard lines.count > 2 else { return lines }
        for index in 2..<lines.count {
            let text = lines[index].text
            let lower = text.lowercased()
            if tailPrefixes.contains(where: { lower.hasPrefix($0) })
                && (text.count < 60 || !endsSentence(text))
            {
                return Array(lines[..<index])
            }
        }
        return lines
    }

    /// Lines of one block join into one paragraph, unless every line is a full sentence of its own.
    private static func paragraphs(from lines: [Line]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < lines.count {
            var end = index
            while end < lines.count && lines[end].block == lines[index].block { end += 1 }
            let block = lines[index..<end].map(\.text)
            if block.count > 1 && block.allSatisfy(endsSentence) {
                result.append(contentsOf: block)
            } else {
                result.append(block.joined(separator: " "))
            }
            index = end
        }
        return result
    }

    /// True when the line ends like a sentence (closing quotes and brackets ignored).
    static func endsSentence(_ line: String) -> Bool {
        let core = line.trimmingCharacters(in: "”’\"')]» ")
        guard let last = core.last else { return false }
        return ".!?…:;".contains(last)
    }

    static func isShortLabel(_ line: String, maxWords: Int = 6) -> Bool {
        let words = line.split(separator: " ").count
        return words <= maxWords && line.count <= 50 && !endsSentence(line)
    }

    static func isTitleLike(_ line: String) -> Bool {
        let words = line.split(separator: " ").count
        let question = line.hasSuffix("?") || line.hasSuffix("!")
        return words >= 2 && words <= 30 && line.count <= 250 && (question || !endsSentence(line))
    }
}
