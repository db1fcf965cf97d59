import ExtractionScoring
import Foundation

/// A WCXB-style folder: `html/<id>.html.gz` (the page as fetched), `ground-truth/<id>.json` (the
/// gold: `ground_truth.main_content`, `with`, `without`, `title`, `author`, `publish_date`, and
/// `_internal.page_type.primary`) and optionally `metadata.json` (each file's `domain`).
struct WCXBCorpus {
    /// One page's gold.
    struct Page {
        var id: String
        var url: String?
        var domain: String
        var pageType: String
        var text: String
        var with: [String]
        var without: [String]
        var title: String?
        var author: String?
        var publishDate: String?

        /// The domain half this page is in: "A" or "B" by a stable hash of its domain, so that no
        /// site is in both halves (develop on one, check the other).
        var half: String { Self.fnv1a(domain) % 2 == 0 ? "A" : "B" }

        private static func fnv1a(_ text: String) -> UInt64 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    let folder: URL

    /// True when `folder` has the WCXB layout.
    static func isWCXB(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("ground-truth").path)
    }

    func htmlURL(_ id: String) -> URL {
        folder.appendingPathComponent("html").appendingPathComponent(id + ".html.gz")
    }

    /// Every page that has both a page and a gold file, sorted by id.
    func pages() throws(CorpusEvaluation.LoadError) -> [Page] {
        let goldFolder = folder.appendingPathComponent("ground-truth")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: goldFolder.path) else {
            throw CorpusEvaluation.LoadError(description: "no ground-truth folder at \(goldFolder.path)")
        }
        let domains = metadataDomains()
        var result: [Page] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let id = String(name.dropLast(5))
            guard FileManager.default.fileExists(atPath: htmlURL(id).path) else { continue }
            let url = goldFolder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let gold = object["ground_truth"] as? [String: Any]
            else { throw CorpusEvaluation.LoadError(description: "unreadable gold file \(url.path)") }
            let pageURL = object["url"] as? String
            let labels = object["_internal"] as? [String: Any]
            let type = (labels?["page_type"] as? [String: Any])?["primary"] as? String
            result.append(
                Page(
                    id: id, url: pageURL,
                    domain: domains[id] ?? Self.host(of: pageURL) ?? id,
                    pageType: (type == "category" ? "collection" : type) ?? "unknown",
                    text: gold["main_content"] as? String ?? "",
                    with: gold["with"] as? [String] ?? [], without: gold["without"] as? [String] ?? [],
                    title: WCXBFieldMatch.goldValue(gold["title"]),
                    author: WCXBFieldMatch.goldValue(gold["author"]),
                    publishDate: WCXBFieldMatch.goldValue(gold["publish_date"])))
        }
        return result
    }

    /// The `domain` of each file in `metadata.json`, when the folder has one.
    private func metadataDomains() -> [String: String] {
        let url = folder.appendingPathComponent("metadata.json")
        guard let data = try? Data(contentsOf: url),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let files = object["files"] as? [String: Any]
        else { return [:] }
        return files.compactMapValues { ($0 as? [String: Any])?["domain"] as? String }
    }

    /// The host of `url` without a leading `www.`.
    static func host(of url: String?) -> String? {
        guard let url, let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
