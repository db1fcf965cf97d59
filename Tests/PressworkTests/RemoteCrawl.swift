import Foundation
import TestSupport

/// A small crawl laid out as a public one is: WARC.gz files in a folder (served over HTTP by the
/// tests), and a listing of their relative paths.
struct RemoteCrawl {
    let folder: URL
    let files: [String]
    let urls: Set<String>

    /// Writes `counts.count` WARC.gz files (`crawl-N.warc.gz`, distinct articles in each, a share
    /// `broken` of them broken) into `folder`.
    static func generate(in folder: URL, counts: [Int], broken: Double = 0) throws -> RemoteCrawl {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [String] = []
        var urls: Set<String> = []
        for (index, count) in counts.enumerated() {
            let name = "crawl-\(index + 1).warc.gz"
            let listed = folder.appendingPathComponent("urls-\(index + 1).txt")
            try Scrapes.generate(
                count: count, format: "warc.gz", to: folder.appendingPathComponent(name), urls: listed,
                broken: broken, seed: 11 + index, startDate: "20\(10 + index)-01-01")
            files.append(name)
            urls.formUnion(try Scrapes.urls(listedIn: listed))
            try FileManager.default.removeItem(at: listed)
        }
        return RemoteCrawl(folder: folder, files: files, urls: urls)
    }

    /// The local paths of the files.
    var paths: [String] { files.map { folder.appendingPathComponent($0).path } }

    /// The files' sizes added up (a file whose size cannot be read is an error, not 0 bytes).
    func totalBytes() throws -> Int {
        try paths.reduce(0) { total, path in
            guard let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return total + size
        }
    }

    /// Writes a listing of the files' relative paths (with a comment and a blank line, as
    /// listings have), gzip-compressed when the name ends in `.gz`.
    func writeListing(to listing: URL) throws {
        let text = "# a crawl's listing\n\n" + files.map { "./\($0)\n" }.joined()
        let plain = listing.pathExtension == "gz" ? listing.deletingPathExtension() : listing
        try text.write(to: plain, atomically: true, encoding: .utf8)
        guard listing.pathExtension == "gz" else { return }
        try CommandLineTool.run(["gzip", "-f", plain.path])
    }

    /// A run's output as comparable lines: every record re-serialised with sorted keys, then every
    /// failure as place, stage and reason; sorted. A source read from under `prefix` (a base URL)
    /// is written as read from the local folder, so a run over HTTP and one over the files compare
    /// byte for byte.
    static func lines(_ output: URL, readFrom prefix: String? = nil, folder: URL) throws -> [String] {
        let directory = OutputDirectory(url: output)
        let local = folder.path + "/"
        func place(_ source: Any?) -> String {
            let text = (source as? String) ?? "-"
            guard let prefix, text.hasPrefix(prefix) else { return text }
            return local + text.dropFirst(prefix.count)
        }
        let records = try directory.records.map { object in
            var object = object
            object["source"] = place(object["source"])
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }
        let failures = try directory.deadLetters.map { object in
            [place(object["source"])] + ["stage", "reason"].map { (object[$0] as? String) ?? "-" }
        }.map { $0.joined(separator: " | ") }
        return records.sorted() + failures.sorted()
    }
}
