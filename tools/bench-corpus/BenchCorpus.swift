import ArticlePipeline
import Foundation

/// The pages of a benchmark folder (or of its `html/` subfolder), read into memory once: shared by
/// the benchmark tools.
public enum BenchCorpus {
    public static func load(_ path: String) -> [RawArticle] {
        var folder = URL(fileURLWithPath: path)
        let html = folder.appendingPathComponent("html")
        if FileManager.default.fileExists(atPath: html.path) { folder = html }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().compactMap { name in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return nil }
            return RawArticle(
                url: nil, body: Array(data), contentType: "text/html", source: SourceLocation(path: name))
        }
    }
}
