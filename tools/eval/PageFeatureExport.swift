import ArticlePipeline
import Foundation

/// Writes the page-type features of a corpus's pages as JSON Lines, the input of
/// `tools/pagetype/train.py`: a first line `{"names": [...]}`, then per page its id, domain, domain
/// half, gold type, the features with its address and the features without it (the model also
/// learns to read pages whose address is unknown), and the shipped model's choice. WCXB pages carry
/// their labels; AEB pages are all news articles (label `article`, no address), a check of the
/// article class on pages the model never saw.
struct PageFeatureExport {
    /// One page to describe.
    struct Page {
        var id: String
        var domain: String
        var half: String
        var label: String
        var url: String?
        var body: [UInt8]
    }

    static func write(_ pages: [Page], to file: URL) throws(CorpusEvaluation.LoadError) {
        var lines = [json(["names": PageFeatureDump.names])]
        for page in pages {
            let source = SourceLocation(path: page.id)
            let withURL = PageFeatureDump.features(
                of: RawArticle(url: page.url, body: page.body, contentType: "text/html", source: source))
            let withoutURL = PageFeatureDump.features(
                of: RawArticle(url: nil, body: page.body, contentType: "text/html", source: source))
            guard let withURL, let withoutURL else { continue }
            lines.append(
                json([
                    "id": page.id, "domain": page.domain, "half": page.half, "label": page.label,
                    "features": withURL.values, "features_no_url": withoutURL.values,
                    "predicted": withURL.type,
                ]))
        }
        guard (try? Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)) != nil else {
            throw CorpusEvaluation.LoadError(description: "cannot write \(file.path)")
        }
    }

    /// The WCXB pages with their gold types.
    static func pages(of corpus: WCXBCorpus, _ pages: [WCXBCorpus.Page]) -> [Page] {
        pages.compactMap { page in
            GzipFile.read(corpus.htmlURL(page.id)).map {
                Page(
                    id: page.id, domain: page.domain, half: page.half, label: page.pageType, url: page.url,
                    body: $0)
            }
        }
    }

    /// The AEB pages, news articles all, without their address (as the evaluator reads them).
    static func pages(of evaluation: CorpusEvaluation) throws(CorpusEvaluation.LoadError) -> [Page] {
        var result: [Page] = []
        for id in try evaluation.pageIDs() {
            result.append(
                Page(id: id, domain: id, half: "-", label: "article", url: nil, body: try evaluation.body(id))
            )
        }
        return result
    }

    private static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
