/// The record-field misses of a WCXB run, one line per page and field, to study them:
/// `id  half  field  got  gold`, tab-separated. A field given where the gold has none is listed with
/// the gold `-`; a field missed with got `-`.
struct WCXBFieldMisses {
    let results: [WCXBPageResult]

    /// The lines, sorted by page id, then field (title, author, date).
    func lines() -> [String] {
        var lines: [String] = []
        for result in results.sorted(by: { $0.page.id < $1.page.id }) {
            let page = result.page
            let authors = result.got.authors.isEmpty ? nil : result.got.authors.joined(separator: "; ")
            let fields: [(String, Bool?, Bool, String?, String?)] = [
                ("title", result.titleRight, result.titleInvented, result.got.title, page.title),
                ("author", result.authorRight, result.authorInvented, authors, page.author),
                ("date", result.dateRight, result.dateInvented, result.got.published, page.publishDate),
            ]
            for (field, right, invented, got, gold) in fields where right == false || invented {
                lines.append([page.id, page.half, field, got ?? "-", gold ?? "-"].joined(separator: "\t"))
            }
        }
        return lines
    }
}
