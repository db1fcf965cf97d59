import ArticlePipeline
import Foundation
import ScrapeIO
import Testing

/// Reference mode (`ReaderSettings.handsOutReferences`) must be invisible in the result: a
/// plain WARC read with references, each reference then loaded by `ArticleReferenceLoader`, gives
/// the same articles, failures, skips and byte counts as reading the payloads.
@Suite("Reference mode")
struct ReferenceModeTests {
    private static var referencing: ReaderSettings {
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        return settings
    }

    /// Every item as comparable text, references loaded, plus the stats.
    private static func outcome(
        _ path: String, references: Bool
    ) -> (items: [String], stats: ReaderStats, referenced: Int) {
        let (items, stats) = ScrapeFixtures.readAll([path], settings: references ? referencing : .init())
        let loader = ArticleReferenceLoader()
        var referenced = 0
        let described = items.map { item -> String in
            if case .reference = item { referenced += 1 }
            switch loader.resolve(item) {
            case .article(let a):
                return
                    "article \(a.source.description) \(a.id) \(a.url ?? "-") \(a.contentType ?? "-") \(a.charset ?? "-") \(a.fetchedAt ?? "-") \(StableID.hash64(a.body)) \(a.body.count)"
            case .failure(let f):
                return "failure \(f.source.description) \(f.reason)"
            case .reference, .split:
                return "unresolved reference"
            }
        }
        return (described, stats, referenced)
    }

    private static func expectSame(_ path: String, minimumReferenced: Int = 0, _ comment: String = "") {
        let read = outcome(path, references: false)
        let referenced = outcome(path, references: true)
        #expect(referenced.items == read.items, "\(comment)")
        // A referenced article whose body turns out undecodable is counted by the reader as an
        // article; its failure is counted where it is decoded. Items in total, skips and bytes agree.
        #expect(
            referenced.stats.articles + referenced.stats.failures == read.stats.articles + read.stats.failures
        )
        #expect(referenced.stats.failures <= read.stats.failures)
        #expect(referenced.stats.skippedRecords == read.stats.skippedRecords, "\(comment)")
        #expect(referenced.stats.bytesConsumed == read.stats.bytesConsumed, "\(comment)")
        #expect(read.referenced == 0)
        #expect(referenced.referenced >= minimumReferenced, "\(comment)")
    }

    /// Records of every kind a reader meets: pages, skips, encodings, and the cases that must fall
    /// back to reading (no URL, a header block longer than the head, tiny encoded bodies).
    private static func mixedRecords(paragraphs: Int = 40) -> [[UInt8]] {
        let page =
            "<html><body><p>" + String(repeating: "A paragraph of news. ", count: paragraphs)
            + "</p></body></html>"
        let chunked = Array("40\r\n".utf8) + Array(page.utf8.prefix(64)) + Array("\r\n0\r\n\r\n".utf8)
        let gzipped = ScrapeFixtures.gzipMember(Array(page.utf8))
        let longHeader = String(repeating: "x", count: 20_000)
        return [
            ScrapeFixtures.htmlResponse(uri: "https://r.example/1", html: page),
            ScrapeFixtures.warcRecord(
                type: "request", uri: "https://r.example/1", payload: Array("GET / HTTP/1.1\r\n\r\n".utf8)),
            ScrapeFixtures.warcRecord(
                type: "resource", uri: "https://r.example/2", contentType: "text/html",
                payload: Array(page.utf8)),
            ScrapeFixtures.htmlResponse(uri: "https://r.example/404", html: page, status: 404),
            ScrapeFixtures.htmlResponse(uri: "https://r.example/img", html: page, contentType: "image/png"),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/chunked", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")], body: chunked)
            ),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/gzip", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [
                        ("Content-Type", "text/html; charset=ISO-8859-1"), ("Content-Encoding", "gzip"),
                    ],
                    body: gzipped)),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/empty-gzip", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                    body: ScrapeFixtures.gzipMember([]))),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/bad-gzip", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                    body: [0x1f, 0x8b] + Array(page.utf8))),
            ScrapeFixtures.warcRecord(
                type: "response", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [("Content-Type", "text/html")], body: Array(page.utf8))),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/long-head", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [("Content-Type", "text/html"), ("X-Long", longHeader)], body: Array(page.utf8))),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/huge-head", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(
                    headers: [
                        ("Content-Type", "text/html"),
                        ("X-Long", longHeader + longHeader + longHeader + longHeader),
                    ],
                    body: Array(page.utf8))),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/empty", contentType: "application/http",
                payload: ScrapeFixtures.httpResponse(headers: [("Content-Type", "text/html")], body: [])),
            ScrapeFixtures.warcRecord(
                type: "response", uri: "https://r.example/not-http", contentType: "application/http",
                payload: Array("no status line here, just bytes".utf8)),
            ScrapeFixtures.htmlResponse(uri: "https://r.example/last", html: page),
        ]
    }

    @Test("every kind of record comes out as it does when payloads are read")
    func mixedRecordsMatchReading() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let path = try ScrapeFixtures.write(Self.mixedRecords().flatMap { $0 }, to: folder + "/mixed.warc")
        Self.expectSame(path, minimumReferenced: 5)
        let (items, _) = ScrapeFixtures.readAll([path], settings: Self.referencing)
        let referencedURLs = items.compactMap { item -> String? in
            guard case .reference(let reference) = item else { return nil }
            return reference.article.url
        }
        #expect(
            referencedURLs == [
                "https://r.example/1", "https://r.example/2", "https://r.example/chunked",
                "https://r.example/gzip",
                "https://r.example/bad-gzip", "https://r.example/long-head", "https://r.example/last",
            ])
    }

    @Test(
        "a wrong Content-Length, too long or too short, is reported and reading resynchronises the same way")
    func wrongContentLength() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let records = Self.mixedRecords()
        for (index, delta) in [-7, -1, 1, 3, 200].enumerated() {
            var damaged = records[0]
            let text = String(decoding: damaged, as: UTF8.self)
            let length = records[0].count - text.range(of: "\r\n\r\n")!.upperBound.utf16Offset(in: text) - 4
            damaged = Array(
                text.replacingOccurrences(
                    of: "Content-Length: \(length)", with: "Content-Length: \(length + delta)"
                )
                .utf8)
            let bytes = records[2] + damaged + records[0] + records[records.count - 1]
            let path = try ScrapeFixtures.write(bytes, to: folder + "/length-\(index).warc")
            Self.expectSame(path, minimumReferenced: 2, "delta \(delta)")
            // One or two bytes too many swallow part of the CRLF CRLF separator, which is tolerated.
            let (_, stats) = ScrapeFixtures.readAll([path], settings: Self.referencing)
            #expect(stats.failures >= (delta == 1 ? 0 : 1), "delta \(delta)")
        }
    }

    @Test("cut at every 89th byte: the same records and failures as reading")
    func truncations() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let all = Self.mixedRecords().prefix(7).flatMap { $0 }
        for cut in stride(from: 1, to: all.count, by: 89) {
            let path = try ScrapeFixtures.write(Array(all[..<cut]), to: folder + "/cut-\(cut).warc")
            Self.expectSame(path, "cut at \(cut)")
        }
    }

    @Test("random byte flips, insertions and deletions: the same outcome as reading")
    func mutations() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let base = Self.mixedRecords().flatMap { $0 }
        var random = MutatedInputTests.SeededBytes(state: 77)
        for round in 0..<150 {
            var bytes = base
            random.damage(&bytes, maxEdits: 5)
            let path = try ScrapeFixtures.write(bytes, to: folder + "/mutated-\(round).warc")
            Self.expectSame(path, "round \(round)")
        }
    }

    @Test("small WARC.gz members are decoded whole and pipes read as before: no references")
    func onlyPlainFiles() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let records = Self.mixedRecords()
        let gzip = try ScrapeFixtures.write(
            records.map { ScrapeFixtures.gzipMember($0) }.flatMap { $0 }, to: folder + "/m.warc.gz")
        let (items, _) = ScrapeFixtures.readAll([gzip], settings: Self.referencing)
        #expect(!items.isEmpty)
        #expect(!items.contains { if case .reference = $0 { true } else { false } })

        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = records[0] + records[2]
        let written = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        close(fds[1])
        let (piped, stats) = ScrapeFixtures.readAll(["-"], settings: Self.referencing, standardInput: fds[0])
        close(fds[0])
        #expect(stats.articles == 2)
        #expect(piped.allSatisfy { $0.article != nil })
    }

    @Test("the loader says why a payload cannot be read: a missing file, a file cut short since")
    func loaderFailures() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let records = Self.mixedRecords()
        let path = try ScrapeFixtures.write(
            records[0] + records[records.count - 1], to: folder + "/short.warc")
        let (items, _) = ScrapeFixtures.readAll([path], settings: Self.referencing)
        guard case .reference(let last)? = items.last else {
            Issue.record("expected a reference, got \(items)")
            return
        }
        #expect(last.payload.file.hasPrefix("/"))
        let loader = ArticleReferenceLoader()
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: last.payload.offset + 10)
        try handle.close()
        guard case .failure(let short) = loader.body(of: last.payload) else {
            Issue.record("a truncated file must fail")
            return
        }
        #expect(short.reason.contains("file ends") && short.reason.contains("before the referenced payload"))

        var missing = last.payload
        missing.file = folder + "/gone.warc"
        guard case .failure(let gone) = ArticleReferenceLoader().body(of: missing) else {
            Issue.record("a missing file must fail")
            return
        }
        #expect(gone.reason == "cannot open referenced input \(folder)/gone.warc: no such file or directory")
    }

    // MARK: WARC.gz, one member per record

    /// Records large enough that their members are not decoded whole while judging them.
    private static func largeRecords() -> [[UInt8]] { mixedRecords(paragraphs: 700) }

    private static func gzip(_ records: [[UInt8]]) -> [UInt8] {
        records.map { ScrapeFixtures.gzipMember($0) }.flatMap { $0 }
    }

    @Test("WARC.gz: every kind of record comes out as it does when members are read")
    func gzipMixedRecordsMatchReading() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let path = try ScrapeFixtures.write(Self.gzip(Self.largeRecords()), to: folder + "/mixed.warc.gz")
        // Pages 1 and 2, the undecodable gzip body and the last page; the others are decided from
        // their heads, are decoded whole anyway (small members) or have no URL.
        Self.expectSame(path, minimumReferenced: 4)
        let small = try ScrapeFixtures.write(Self.gzip(Self.mixedRecords()), to: folder + "/small.warc.gz")
        Self.expectSame(small)
    }

    @Test("WARC.gz: several records in one member, or junk between members, are read as a stream from there")
    func gzipIrregularMembers() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let records = Self.largeRecords()
        let shared = ScrapeFixtures.gzipMember(records[2] + records[3])
        let cases: [(String, [UInt8])] = [
            (
                "shared-member",
                Self.gzip([records[0], records[1]]) + shared + Self.gzip(Array(records[4...]))
            ),
            ("junk", Self.gzip(Array(records[..<3])) + Array("junk!".utf8) + Self.gzip(Array(records[3...]))),
            ("padding", Self.gzip(records) + [UInt8](repeating: 0, count: 64)),
        ]
        for (name, bytes) in cases {
            let path = try ScrapeFixtures.write(bytes, to: folder + "/\(name).warc.gz")
            Self.expectSame(path, minimumReferenced: 1, name)
        }
    }

    @Test("WARC.gz cut at every 211th byte: the same records and failures as reading")
    func gzipTruncations() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let all = Self.gzip(Array(Self.largeRecords().prefix(8)))
        for cut in stride(from: 1, to: all.count, by: 211) {
            let path = try ScrapeFixtures.write(Array(all[..<cut]), to: folder + "/cut-\(cut).warc.gz")
            Self.expectSame(path, "cut at \(cut)")
        }
    }

    @Test("WARC.gz with random damage: only genuine records come out, and none is lost without a failure")
    func gzipMutations() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let base = Self.gzip(Self.largeRecords())
        let original = try ScrapeFixtures.write(base, to: folder + "/original.warc.gz")
        /// An article's description without its location (offsets move when bytes are inserted).
        func content(_ article: String) -> String {
            article.split(separator: " ").enumerated().filter { $0.offset != 1 }.map { String($0.element) }
                .joined(separator: " ")
        }
        func source(_ item: String) -> String { String(item.split(separator: " ")[1]) }
        let genuine = Set(
            Self.outcome(original, references: false).items.filter { $0.hasPrefix("article") }.map(content))
        var random = MutatedInputTests.SeededBytes(state: 99)
        for round in 0..<120 {
            var bytes = base
            random.damage(&bytes, maxEdits: 3)
            let path = try ScrapeFixtures.write(bytes, to: folder + "/mutated-\(round).warc.gz")
            let read = Self.outcome(path, references: false).items
            let referenced = Self.outcome(path, references: true).items
            let referencedArticles = referenced.filter { $0.hasPrefix("article") }
            // Members are decoded whole and CRC-checked, so damage never leaks into an article.
            for article in referencedArticles {
                #expect(genuine.contains(content(article)), "round \(round): damaged data in \(article)")
            }
            // Every genuine record that reading gives comes out too, or its location has a failure.
            let covered = Set(referenced.map(source))
            for article in read where article.hasPrefix("article") && genuine.contains(content(article)) {
                #expect(
                    covered.contains(source(article)), "round \(round): \(article) lost without a failure")
            }
        }
    }
}
