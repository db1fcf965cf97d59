/// Stage 1 (limits): refuses bodies that are empty or larger than the settings allow, before any work.
struct LimitsStage {
    var settings: PipelineSettings

    /// Input: the raw article. Output: nothing; it only throws.
    func check(_ raw: RawArticle) throws(PipelineError) {
        if raw.body.isEmpty {
            throw PipelineError(stage: "limits", reason: "empty body")
        }
        if raw.body.count > settings.maxBodyBytes {
            throw PipelineError(
                stage: "limits",
                reason: "body is \(raw.body.count) bytes, over the limit of \(settings.maxBodyBytes)")
        }
    }
}
