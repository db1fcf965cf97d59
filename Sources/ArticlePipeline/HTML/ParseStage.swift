/// Stage 3 (parse): turns decoded HTML into the light tree, within the element and depth limits.
///
/// Holds the tree builder between pages: its node and attribute arrays keep their capacity, so
/// once a worker has seen a large page, parsing allocates them no more; the byte arena is one
/// allocation per page, written in place (see `HTMLTokenizer.tokenize`). The document handed out
/// shares those arrays (copy-on-write); it must be released before the next `parse` for the reuse
/// to happen, which the pipeline does by keeping it local to `process`.
struct ParseStage {
    var settings: PipelineSettings
    private var tokenizer = HTMLTokenizer()
    private var builder = HTMLTreeBuilder()

    init(settings: PipelineSettings) {
        self.settings = settings
    }

    /// Input: a decoded document. Output: its tree, with warnings when a limit cut it short.
    mutating func parse(_ document: DecodedDocument) -> HTMLDocument {
        builder.reset(settings: settings)
        tokenizer.tokenize(document.utf8, into: &builder)
        return builder.document
    }
}
