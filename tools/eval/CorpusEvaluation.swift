import ArticlePipeline
import ExtractionScoring
import Foundation

/// The scores of one page, per field; `text` is the article body. Field extraction can add its own
/// fields (title, authors, ...) beside it without changing the report.
struct PageResult {
    var id: String
    var scores: [String: ShingleScore]
    /// Set when the pipeline refused the page (it then scores as empty output).
    var failure: String?
}

/// Runs the pipeline over an AEB-style folder and scores every page against its gold.
struct CorpusEvaluation {
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    let folder: URL
    /// Every page is scored in this markup style instead of its own.
    var restyle: MarkupRestyle?

    /// The page ids that have both an HTML page and a gold file, sorted.
    func pageIDs() throws(LoadError) -> [String] {
        let gold = folder.appendingPathComponent("gold")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: gold.path) else {
            throw LoadError(description: "no gold folder at \(gold.path)")
        }
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
            .filter { FileManager.default.fileExists(atPath: htmlURL($0).path) }.sorted()
    }

    func htmlURL(_ id: String) -> URL {
        folder.appendingPathComponent("html").appendingPathComponent(id + ".html")
    }

    /// The benchmark's gold object of page `id` ("url", "articleBody", ...).
    func goldObject(_ id: String) throws(LoadError) -> [String: Any] {
        let url = folder.appendingPathComponent("gold").appendingPathComponent(id + ".json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw LoadError(description: "unreadable gold file \(url.path)") }
        return object
    }

    /// The gold article body of page `id`.
    func goldText(_ id: String) throws(LoadError) -> String {
        try goldObject(id)["articleBody"] as? String ?? ""
    }

    /// The record of page `id`, with the URL the benchmark gives for it (the domain names the site,
    /// which metadata cleanup reads).
    func record(_ id: String, pipeline: Pipeline) throws(LoadError) -> ArticleRecord {
        let raw = RawArticle(url: try url(id), body: try body(id), source: SourceLocation(path: id + ".html"))
        do {
            return try pipeline.process(raw)
        } catch {
            throw LoadError(description: "page \(id): \(error.description)")
        }
    }

    /// The URL the benchmark gives for page `id`.
    func url(_ id: String) throws(LoadError) -> String? {
        try goldObject(id)["url"] as? String
    }

    func body(_ id: String) throws(LoadError) -> [UInt8] {
        guard let data = try? Data(contentsOf: htmlURL(id)) else {
            throw LoadError(description: "unreadable page \(htmlURL(id).path)")
        }
        return restyle.map { $0.apply(to: Array(data)) } ?? Array(data)
    }

    /// Scores every page; `pipeline` is reused across pages as a worker would.
    /// When `outputFolder` is given, every page's extracted text is written there as `<id>.txt`.
    func run(pipeline: Pipeline, outputFolder: URL? = nil) throws(LoadError) -> [PageResult] {
        var results: [PageResult] = []
        for id in try pageIDs() {
            let gold = try goldText(id)
            let raw = RawArticle(
                url: nil, body: try body(id), contentType: "text/html", source: SourceLocation(path: id))
            var predicted = ""
            var failure: String?
            do {
                predicted = try pipeline.process(raw).text
            } catch {
                failure = error.description
            }
            if let outputFolder {
                let url = outputFolder.appendingPathComponent(id + ".txt")
                guard (try? Data(predicted.utf8).write(to: url)) != nil else {
                    throw LoadError(description: "cannot write \(url.path)")
                }
            }
            let score = ShingleScore(gold: gold, predicted: predicted)
            results.append(PageResult(id: id, scores: ["text": score], failure: failure))
        }
        return results
    }
}
