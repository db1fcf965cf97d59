/// A page's markup rewritten in another style while its text stays the same: the gold of a
/// development page still holds for its restyled copy, so a restyled corpus measures how far an
/// extractor depends on the markup habits of the pages it was developed on (HTML5 sectioning,
/// class names, `<p>` paragraphs) instead of on the text. The styles are those of older and
/// hand-made pages: paragraphs as `<br>`-separated runs or `<font>` runs, layout tables, no
/// sectioning elements, no class names, prose dense with links.
///
/// Works on bytes with a small tag scanner of its own (not the pipeline's parser, which is what it
/// tests): tags are found by `<` followed by a letter or `/`, attribute values in quotes are skipped
/// whole, and the content of `<script>`, `<style>` and comments is copied untouched.
public enum MarkupRestyle: String, CaseIterable, Sendable {
    /// `<p>` removed, `</p>` becomes `<br><br>`: paragraphs as loose text.
    case breaks
    /// `<p>` becomes `<font face size>`, `</p>` `</font><br><br>`.
    case font
    /// `<p>` becomes `<div>`.
    case divs
    /// `<p>` becomes `<li>`.
    case listItems = "list-items"
    /// HTML5 sectioning and figure elements become `<div>`; `role`, `aria-*` and microdata go.
    case html4
    /// Every `class` and `id` attribute goes.
    case noClassNames = "no-class-names"
    /// In every paragraph, every other two-word phrase is a link.
    case denseLinks = "dense-links"
    /// A page of about 2005: `html4`, `font`, and the body in a two-column layout table whose first
    /// column is a menu of links.
    case old

    /// Elements that `html4` turns into `<div>`.
    static let sectioning: Set<String> = [
        "article", "main", "section", "header", "footer", "nav", "aside", "figure", "figcaption", "time",
    ]
    /// Attributes that `html4` drops (besides every `aria-*`).
    static let semanticAttributes: Set<String> = ["itemprop", "itemscope", "itemtype", "role"]
    static let layoutTableStart =
        #"<table width="100%"><tr><td width="160" valign="top"><a href="/">Home</a><br>"#
        + #"<a href="/news">News</a><br><a href="/sport">Sport</a><br><a href="/contact">Contact</a>"#
        + #"</td><td valign="top">"#
    static let layoutTableEnd = "</td></tr></table>"

    /// `html` in this style.
    public func apply(to html: [UInt8]) -> [UInt8] {
        var scanner = MarkupScanner(bytes: html)
        var output: [UInt8] = []
        output.reserveCapacity(html.count + html.count / 8)
        var paragraphDepth = 0
        var phrase = 0
        while let piece = scanner.next() {
            switch piece {
            case .text(let range):
                if self == .denseLinks && paragraphDepth > 0 {
                    Self.appendLinked(html[range], phrase: &phrase, to: &output)
                } else {
                    output.append(contentsOf: html[range])
                }
            case .verbatim(let range):
                output.append(contentsOf: html[range])
            case .tag(let tag):
                if tag.name == "p" { paragraphDepth = max(0, paragraphDepth + (tag.isEnd ? -1 : 1)) }
                output.append(contentsOf: rewritten(tag, in: html))
            }
        }
        return output
    }

    /// The bytes that replace `tag`.
    private func rewritten(_ tag: MarkupScanner.Tag, in html: [UInt8]) -> [UInt8] {
        let original = Array(html[tag.range])
        switch self {
        case .breaks where tag.name == "p":
            return tag.isEnd ? Array("<br><br>".utf8) : []
        case .font where tag.name == "p", .old where tag.name == "p":
            return Array((tag.isEnd ? "</font><br><br>" : #"<font face="Verdana" size="2">"#).utf8)
        case .divs where tag.name == "p":
            return tag.renamed("div", in: html)
        case .listItems where tag.name == "p":
            return tag.renamed("li", in: html)
        case .html4, .old:
            if self == .old && tag.name == "body" {
                return tag.isEnd
                    ? Array((Self.layoutTableEnd + "</body>").utf8) : original + Self.layoutTableStart.utf8
            }
            let renamed = Self.sectioning.contains(tag.name) ? tag.renamed("div", in: html) : original
            return MarkupScanner.Tag.droppingAttributes(from: renamed) {
                Self.semanticAttributes.contains($0) || $0.hasPrefix("aria-")
            }
        case .noClassNames:
            return MarkupScanner.Tag.droppingAttributes(from: original) { $0 == "class" || $0 == "id" }
        default:
            return original
        }
    }

    /// Appends `text` with every other two-word phrase wrapped in a link.
    private static func appendLinked(_ text: ArraySlice<UInt8>, phrase: inout Int, to output: inout [UInt8]) {
        var words = 0
        var inWord = false
        var linkOpen = false
        for byte in text {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord {
                if words % 2 == 0 {
                    if linkOpen { output.append(contentsOf: "</a>".utf8) }
                    phrase += 1
                    linkOpen = phrase % 2 == 0
                    if linkOpen { output.append(contentsOf: #"<a href="/w/\#(phrase)">"#.utf8) }
                }
                words += 1
            }
            inWord = !isSpace
            output.append(byte)
        }
        if linkOpen { output.append(contentsOf: "</a>".utf8) }
    }
}
