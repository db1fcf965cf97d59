/// The title candidates of a page, read for `TitleChoice`: the visible text of its headings and the
/// host it names in its canonical link.
extension HTMLMetadataExtractor {
    /// Most `<h1>` headings read: a page with more uses them as list items, not as its headline.
    static let headingLimit = 8

    /// Elements whose edges separate words in a heading ("Data Analytics<br>Agency").
    private static func separatesWords(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .br, .p, .div, .li, .td, .th, .h1, .h2, .h3, .h4, .h5, .h6: return true
        default: return false
        }
    }

    /// The text of a heading with a space where a line break or block separates words, whitespace
    /// collapsed, without buttons and icons, and without the permalink signs documentation
    /// generators append ("Usage¶").
    func headingText(of node: Int) -> String {
        var result: [UInt8] = []
        var pending: [Int32] = [document.nodes[node].firstChild]
        while let next = pending.last {
            guard next >= 0 else {
                pending.removeLast()
                continue
            }
            let index = Int(next)
            pending[pending.count - 1] = document.nodes[index].nextSibling
            switch document.nodes[index].kind {
            case .text:
                let start = Int(document.nodes[index].start)
                result.append(contentsOf: document.bytes[start..<start + Int(document.nodes[index].length)])
            case .element:
                switch document.nodes[index].tag {
                // Controls and icons inside a heading are no part of its words ("Copy item path",
                // an icon's <title>), nor is a date line set in it (`<h1><time>Dec 18 2025</time>
                // Headline</h1>`).
                case .script, .style, .template, .noscript, .button, .svg, .select, .time: continue
                default: break
                }
                if Self.separatesWords(document.nodes[index].tag) { result.append(0x20) }
                pending.append(document.nodes[index].firstChild)
            default: break
            }
        }
        var text = String.collapsingWhitespace(result)
        while let last = text.last, last == "¶" || last == "#" || last == "§" || last == " " {
            text.removeLast()
        }
        return text
    }

    /// The host of an absolute URL ("https://www.example.com/a" → "www.example.com").
    static func host(of url: String) -> String? {
        guard let scheme = url.firstByteRange(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" })
        return host.contains(".") ? String(host).lowercased() : nil
    }
}
