/// Chooses the record's `page_type`: a multinomial logistic regression (`PageTypeModel`, trained by
/// `tools/pagetype/train.py` on the WCXB development labels) over `PageFeatures`, the page's address
/// shape, declarations, the hand-written rules' vote (`PageTypeRules`) and its structure. A page
/// with no address is classified from its declarations and structure alone.
///
/// Cost: one pass over the elements for the declarations, three linear passes for the structure,
/// and a dot product per type.
enum PageTypeClassifier {
    /// The page type of `document` fetched from `url`.
    static func classify(_ document: HTMLDocument, url: String?) -> PageType {
        choose(PageFeatures(document: document, url: url).values)
    }

    /// The type with the highest score for the feature values `values` (in `PageFeatures.names`
    /// order).
    static func choose(_ values: [Double]) -> PageType {
        var best = PageType.article
        var bestScore = -Double.infinity
        for (row, type) in PageTypeModel.types.enumerated() {
            var score = PageTypeModel.bias[row]
            let weights = PageTypeModel.weights[row]
            for index in 0..<min(weights.count, values.count) { score += weights[index] * values[index] }
            if score > bestScore {
                bestScore = score
                best = type
            }
        }
        return best
    }
}
