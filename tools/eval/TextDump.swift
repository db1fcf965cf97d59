import ArticlePipeline
import Foundation

/// Hidden mode `--dump-text FOLDER`: writes `<id>.txt` with the text content of our parse tree of
/// every page, for `tools/difftest/compare_parsers.py`.
struct TextDump {
    let evaluation: CorpusEvaluation
    let folder: URL

    func run() throws(CorpusEvaluation.LoadError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CorpusEvaluation.LoadError(description: "cannot create \(folder.path)")
        }
        for id in try evaluation.pageIDs() {
            let text = ParseTreeText.text(ofHTML: try evaluation.body(id))
            let url = folder.appendingPathComponent(id + ".txt")
            guard (try? Data(text.utf8).write(to: url)) != nil else {
                throw CorpusEvaluation.LoadError(description: "cannot write \(url.path)")
            }
        }
    }
}
