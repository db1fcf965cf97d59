/// The page-type classifier's inputs and choice for one page, for training and studying its model
/// (the evaluator's `--page-features`); the record itself only carries the chosen type.
public enum PageFeatureDump {
    /// The name of each feature value, in order.
    public static var names: [String] { PageFeatures.names }

    /// The feature values of `raw` (nil when it is not an HTML page or cannot be decoded) and the
    /// type the shipped model chooses from them.
    public static func features(of raw: RawArticle) -> (values: [Double], type: String)? {
        var decode = DecodeStage()
        guard let decoded = try? decode.decode(raw), decoded.format == .html else { return nil }
        var parse = ParseStage(settings: PipelineSettings())
        let document = parse.parse(decoded)
        let values = PageFeatures(document: document, url: raw.url).values
        return (values, PageTypeClassifier.choose(values).rawValue)
    }
}
