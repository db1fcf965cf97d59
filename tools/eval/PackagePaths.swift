import Foundation

/// Default locations of the evaluator's inputs, relative to the package root: the current directory
/// when it is the package root (how CI and the README run the tool), otherwise the checkout this
/// tool was built from.
enum PackagePaths {
    static var root: URL {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) {
            return current
        }
        // tools/eval/PackagePaths.swift → the package root.
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The article-extraction benchmark beside the repository.
    static var corpus: String { root.appendingPathComponent("../shared/corpus/aeb").standardized.path }

    static var fieldsGold: String {
        root.appendingPathComponent("Tests/ArticlePipelineTests/Gold/fields.jsonl").path
    }

    static var quotesGold: String {
        root.appendingPathComponent("Tests/ArticlePipelineTests/Gold/quotes-entities.jsonl").path
    }
}
