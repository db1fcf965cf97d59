/// Stage 3: turns decoded HTML into the light tree, within the element and depth limits.
struct ParseStage {
    var settings: PipelineSettings
    private var tokenizer = HTMLTokenizer()

    init(settings: PipelineSettings) {
        self.settings = settings
    }

    /// Input: a decoded document. Output: its tree, with warnings when a limit cut it short.
    mutating func parse(_ document: DecodedDocument) -> HTMLDocument {
        var builder = HTMLTreeBuilder(settings: settings)
        tokenizer.tokenize(document.utf8, into: &builder)
        return builder.finish()
    }
}
