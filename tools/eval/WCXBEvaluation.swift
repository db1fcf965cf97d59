import ArticlePipeline
import ExtractionScoring
import Foundation

/// What the pipeline made of one WCXB page, scored against its gold.
struct WCXBPageResult: Sendable {
    var page: WCXBCorpus.Page
    var score: WordBagScore
    var withFound = 0
    var withoutPresent = 0
    /// nil when the gold has no value for the field.
    var titleRight: Bool?
    var authorRight: Bool?
    var dateRight: Bool?
    /// The field was given although the gold has none.
    var titleInvented = false
    var authorInvented = false
    var dateInvented = false
    var predictedType: String?
    var failure: String?
    var got = (title: String?.none, authors: [String](), published: String?.none)
}

/// Runs the pipeline over a WCXB folder on every core (one `Pipeline` per thread, as a worker does)
/// and scores each page: the main text by WCXB's word-bag metric, the snippets, and the fields.
struct WCXBEvaluation {
    let corpus: WCXBCorpus
    /// Every page is scored in this markup style instead of its own.
    var restyle: MarkupRestyle?

    func run(
        pages: [WCXBCorpus.Page], outputFolder: URL? = nil
    ) throws(CorpusEvaluation.LoadError) -> [WCXBPageResult] {
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let box = ResultBox(count: pages.count)
        let (corpus, restyle) = (self.corpus, self.restyle)
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let pipeline = Pipeline()
            for index in stride(from: thread, to: pages.count, by: threads) {
                box.set(
                    index, Self.evaluate(pages[index], corpus: corpus, restyle: restyle, pipeline: pipeline))
            }
        }
        let results = box.values()
        if let outputFolder {
            for result in results {
                let url = outputFolder.appendingPathComponent(result.result.page.id + ".txt")
                guard (try? Data(result.text.utf8).write(to: url)) != nil else {
                    throw CorpusEvaluation.LoadError(description: "cannot write \(url.path)")
                }
            }
        }
        return results.map(\.result)
    }

    private static func evaluate(
        _ page: WCXBCorpus.Page, corpus: WCXBCorpus, restyle: MarkupRestyle?, pipeline: Pipeline
    ) -> (result: WCXBPageResult, text: String) {
        guard let original = GzipFile.read(corpus.htmlURL(page.id)) else {
            var result = WCXBPageResult(page: page, score: WordBagScore(gold: page.text, predicted: ""))
            result.failure = "unreadable page"
            return (result, "")
        }
        let body = restyle.map { $0.apply(to: original) } ?? original
        let raw = RawArticle(
            url: page.url, body: body, contentType: "text/html", source: SourceLocation(path: page.id))
        var record: ArticleRecord?
        var failure: String?
        do {
            record = try pipeline.process(raw)
        } catch {
            failure = error.description
        }
        let text = record?.text ?? ""
        var result = WCXBPageResult(page: page, score: WordBagScore(gold: page.text, predicted: text))
        result.failure = failure
        let key = WCXBFieldMatch.snippetKey(text)
        result.withFound = page.with.filter { WCXBFieldMatch.contains(key, snippet: $0) }.count
        result.withoutPresent = page.without.filter { WCXBFieldMatch.contains(key, snippet: $0) }.count
        let title = record?.title
        let authors = record?.authors ?? []
        let published = record?.published
        result.got = (title, authors, published)
        result.predictedType = record?.pageType
        if let gold = page.title {
            result.titleRight = title.map { WCXBFieldMatch.sameTitle($0, gold) } ?? false
        } else {
            result.titleInvented = title != nil
        }
        if let gold = page.author {
            result.authorRight = WCXBFieldMatch.sameAuthors(authors, gold: gold)
        } else {
            result.authorInvented = !authors.isEmpty
        }
        if let gold = page.publishDate {
            result.dateRight = published.map { WCXBFieldMatch.sameDay($0, gold) } ?? false
        } else {
            result.dateInvented = published != nil
        }
        return (result, text)
    }
}

/// Results written by several threads, each into its own slots.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(result: WCXBPageResult, text: String)?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: (result: WCXBPageResult, text: String)) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [(result: WCXBPageResult, text: String)] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
