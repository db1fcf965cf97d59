/// The text content of our parse tree, for the differential test against a reference parser.
///
/// Every text node in document order, concatenated as decoded, except those inside elements whose
/// content is not text a reader sees (script, style, template and the like) and comments.
public enum ParseTreeText {
    /// Elements whose text is left out (the reference side leaves out the same ones).
    public static let skippedElements: Set<String> = [
        "script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp", "textarea",
        "title", "head",
    ]

    /// Decodes and parses `body` as the pipeline does, then returns its text content.
    public static func text(ofHTML body: [UInt8], settings: PipelineSettings = .init()) -> String {
        var decode = DecodeStage()
        let raw = RawArticle(
            url: nil, body: body, contentType: "text/html", source: SourceLocation(path: "-"))
        guard let decoded = try? decode.decode(raw) else { return "" }
        var parse = ParseStage(settings: settings)
        return text(of: parse.parse(decoded))
    }

    static func text(of document: HTMLDocument) -> String {
        var result: [UInt8] = []
        var skipped = [Bool](repeating: false, count: document.nodes.count)
        for index in document.nodes.indices.dropFirst() {
            let node = document.nodes[index]
            let parent = Int(node.parent)
            skipped[index] =
                skipped[parent]
                || (node.kind == .element && skippedElements.contains(document.name(of: index)))
            if node.kind == .text && !skipped[index] {
                result.append(contentsOf: document.bytes[Int(node.start)..<Int(node.start + node.length)])
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
