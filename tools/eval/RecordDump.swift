import ArticlePipeline
import Foundation

/// Hidden mode `--dump-records FILE`: the record of every page as one JSON line, in page order
/// (a failed page as its stage and reason), pages given with their URLs as in the field scores.
/// Two builds' files compare the whole output byte for byte: speed work must leave it unchanged.
struct RecordDump {
    let file: URL
    private var lines: [UInt8] = []
    private let pipeline = Pipeline()

    init(file: URL) { self.file = file }

    /// Appends the record of `raw`.
    mutating func add(_ raw: RawArticle) {
        do {
            lines += RecordJSON.encode(try pipeline.process(raw))
        } catch {
            lines += Array("{\"source\": \"\(raw.source)\", \"failed\": \"\(error.stage)\"}".utf8)
        }
        lines.append(0x0A)
    }

    func write() throws(CorpusEvaluation.LoadError) {
        guard (try? Data(lines).write(to: file)) != nil else {
            throw CorpusEvaluation.LoadError(description: "cannot write \(file.path)")
        }
    }

    /// Every page of an AEB-layout corpus.
    static func run(_ evaluation: CorpusEvaluation, to file: URL) throws(CorpusEvaluation.LoadError) {
        var dump = RecordDump(file: file)
        for id in try evaluation.pageIDs() {
            dump.add(
                RawArticle(
                    url: try evaluation.url(id), body: try evaluation.body(id),
                    source: SourceLocation(path: id + ".html")))
        }
        try dump.write()
    }

    /// The given pages of a WCXB corpus.
    static func run(
        _ corpus: WCXBCorpus, _ pages: [WCXBCorpus.Page], to file: URL
    ) throws(CorpusEvaluation.LoadError) {
        var dump = RecordDump(file: file)
        for page in pages {
            guard let body = GzipFile.read(corpus.htmlURL(page.id)) else {
                throw CorpusEvaluation.LoadError(description: "unreadable page \(page.id)")
            }
            dump.add(
                RawArticle(
                    url: page.url, body: body, contentType: "text/html", source: SourceLocation(path: page.id)
                ))
        }
        try dump.write()
    }
}
