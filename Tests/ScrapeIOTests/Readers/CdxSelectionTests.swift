import Foundation
import ScrapeIO
import Testing

/// CDX selection (`--cdx`): lines as crawls publish them become record ranges, filtered on what the
/// index holds; a line that is not a CDX entry is a failure at its line, never a crash.
@Suite("CDX selection")
struct CdxSelectionTests {
    private static func line(
        url: String, mime: String = "text/html", status: String = "200", offset: Int = 10, length: Int = 20,
        languages: String? = nil
    ) -> String {
        var json = #"{"url": "\#(url)", "mime": "\#(mime)", "status": "\#(status)", "#
        json += #""offset": "\#(offset)", "length": "\#(length)", "filename": "crawl/a.warc.gz""#
        if let languages { json += #", "languages": "\#(languages)""# }
        return "org,example)/ 20250101000000 " + json + "}"
    }

    @Test("an entry's fields are read, numbers as strings or numbers")
    func parsesEntries() throws {
        let entry = try CdxEntry.parse(Substring(Self.line(url: "https://a.example/x", languages: "eng,fra")))
            .get()
        #expect(entry.url == "https://a.example/x")
        #expect(entry.filename == "crawl/a.warc.gz")
        #expect(entry.offset == 10 && entry.length == 20)
        #expect(entry.languages == ["eng", "fra"])
        let numeric = #"x 1 {"url": "u://h/", "filename": "f", "offset": 5, "length": 7, "status": 404}"#
        let parsed = try CdxEntry.parse(Substring(numeric)).get()
        #expect(parsed.offset == 5 && parsed.length == 7 && parsed.status == "404")
        for bad in [
            "no json here", "x 1 {not json", #"x 1 {"url": "u"}"#,
            #"x 1 {"url": "u", "filename": "f", "offset": "-1", "length": "3"}"#,
        ] {
            guard case .failure(let error) = CdxEntry.parse(Substring(bad)) else {
                Issue.record("\(bad) parsed")
                continue
            }
            #expect(error.reason.hasPrefix("bad CDX line: "))
        }
    }

    @Test("the reader hands out record ranges of the admitted lines, relative names joined to the base")
    func readerSelects() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let lines = [
            Self.line(url: "https://news.example.org/a", offset: 0, length: 100),
            Self.line(url: "https://other.example.com/b", offset: 100, length: 50),
            Self.line(url: "https://example.org/c", mime: "text/plain", offset: 150, length: 60),
            Self.line(url: "https://example.org/d", status: "404", offset: 210, length: 10),
            Self.line(url: "https://www.example.org/e", offset: 220, length: 30, languages: "deu"),
            "garbage",
        ]
        let index = try ScrapeFixtures.write(
            Array((lines.joined(separator: "\n") + "\n").utf8), to: folder + "/index.cdxj")
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        settings.cdx.indexes = [index]
        settings.cdx.base = folder
        settings.cdx.domains = ["example.org"]
        settings.cdx.statuses = ["200"]
        settings.cdx.urlPattern = "/[ace]$"
        settings.cdx.jobRecords = 1
        let (items, stats) = ScrapeFixtures.readAll([index], settings: settings)
        let ranges = items.compactMap { item -> FileSplit? in
            if case .split(let split) = item { return split }
            return nil
        }
        #expect(ranges.map(\.offset) == [0, 150, 220])
        #expect(ranges.allSatisfy { $0.isRecordRange == true && $0.path == folder + "/crawl/a.warc.gz" })
        #expect(items.compactMap(\.failure).map(\.source.description) == [index + ":6"])
        #expect(stats.skippedRecords == ["cdx filter": 2])
        settings.cdx.mimes = ["text/html"]
        settings.cdx.languages = ["deu"]
        let narrowed = ScrapeFixtures.readAll([index], settings: settings).items.compactMap {
            item -> UInt64? in
            if case .split(let split) = item { return split.offset }
            return nil
        }
        #expect(narrowed == [220])
    }

    /// The ranges a selection of `lines` comes out as: (file name, offsets of its records).
    private func batches(
        _ lines: [String], _ adjust: (inout CdxSelection) -> Void
    ) throws -> [(String, [UInt64])] {
        let folder = try ScrapeFixtures.temporaryFolder()
        let index = try ScrapeFixtures.write(
            Array((lines.joined(separator: "\n") + "\n").utf8), to: folder + "/index.cdxj")
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        settings.cdx.indexes = [index]
        settings.cdx.base = folder
        adjust(&settings.cdx)
        return ScrapeFixtures.readAll([index], settings: settings).items.compactMap { item in
            guard case .split(let split) = item else { return nil }
            let offsets = split.records?.map(\.offset) ?? [split.offset]
            #expect(split.isRecordRange == true)
            #expect(split.offset == offsets.min() && split.end == split.recordRanges.map(\.end).max())
            return ((split.path as NSString).lastPathComponent, offsets)
        }
    }

    @Test("records of one file are gathered into ranges up to a count, a size and a number of open files")
    func recordsAreBatchedPerFile() throws {
        func line(_ file: String, _ offset: Int, _ length: Int = 20) -> String {
            Self.line(url: "https://example.org/\(offset)", offset: offset, length: length)
                .replacingOccurrences(of: "crawl/a.warc.gz", with: file)
        }
        // Two files in turn, as an index sorted by URL names them.
        let lines = [
            line("a", 40), line("b", 0), line("a", 0), line("b", 30), line("a", 90), line("b", 60),
            line("a", 200, 500),
        ]
        let byDefault = try batches(lines) { _ in }
        #expect(byDefault.map(\.0) == ["a", "b"], "one range a file, in the order started")
        #expect(byDefault.map(\.1) == [[40, 0, 90, 200], [0, 30, 60]], "the index's order kept")
        let twoEach = try batches(lines) { $0.jobRecords = 2 }
        #expect(twoEach.map(\.0) == ["a", "b", "a", "b"])
        #expect(twoEach.map(\.1) == [[40, 0], [0, 30], [90, 200], [60]])
        let small = try batches(lines) { $0.jobBytes = 60 }
        #expect(small.map(\.0) == ["a", "b", "a"])
        #expect(small.map(\.1) == [[40, 0, 90], [0, 30, 60], [200]], "the 500-byte record goes alone")
        // One file at a time: every change of file hands the other's range out.
        let oneOpen = try batches(lines) { $0.openFiles = 1 }
        #expect(oneOpen.map(\.0) == ["a", "b", "a", "b", "a", "b", "a"])
        #expect(oneOpen.map(\.1) == [[40], [0], [0], [30], [90], [60], [200]])
    }

    @Test("a record range reads exactly its member, as the whole file's reader does")
    func recordRangeReadsOneMember() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let pages = (0..<5).map {
            ScrapeFixtures.gzipMember(
                ScrapeFixtures.htmlResponse(
                    uri: "https://example.org/\($0)", html: "<p>Story \($0) told.</p>"))
        }
        let path = try ScrapeFixtures.write(pages.flatMap { $0 }, to: folder + "/a.warc.gz")
        let offset = UInt64(pages[0].count + pages[1].count)
        var split = FileSplit(
            path: path, file: path, offset: offset, length: UInt64(pages[2].count),
            fileSize: offset + UInt64(pages[2].count))
        split.isRecordRange = true
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        let reader = try FileSplitReader(split: split, settings: settings, logger: ScrapeFixtures.quietLogger)
        var items: [ScrapeItem] = []
        while let item = reader.next() { items.append(item) }
        let loaded = items.map { ArticleReferenceLoader().resolve($0) }
        #expect(loaded.count == 1)
        #expect(loaded.first?.article?.url == "https://example.org/2")
        #expect(loaded.first?.article?.source.description == "\(path)@\(offset)")
    }
}
