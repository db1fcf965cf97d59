/// The HTML main-text path of the pipeline alone (limits, decode, parse, extract), without the
/// record assembly and enrichment: what the extraction benchmark times and what the differential
/// tools compare. Same stages and settings as `Pipeline`; one instance per thread, like it.
public final class MainTextPipeline {
    private let limits: LimitsStage
    private var decode = DecodeStage()
    private var parse: ParseStage
    private let extract = HTMLExtractStage()

    public init(settings: PipelineSettings = .init()) {
        limits = LimitsStage(settings: settings)
        parse = ParseStage(settings: settings)
    }

    /// The article's paragraphs (empty for a page that is not HTML), or the stage it failed at.
    public func paragraphs(of raw: RawArticle) throws(PipelineError) -> [String] {
        try limits.check(raw)
        let decoded = try decode.decode(raw)
        guard decoded.format == .html else { return [] }
        return extract.extract(parse.parse(decoded), url: raw.url).paragraphs
    }
}

@available(*, unavailable, message: "MainTextPipeline holds per-thread buffers; create one per thread")
extension MainTextPipeline: Sendable {}
