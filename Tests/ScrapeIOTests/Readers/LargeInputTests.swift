import ArticlePipeline
import ScrapeIO
import Testing

@Suite("Large inputs, the record size cap, and resume")
struct LargeInputTests {
    @Test("a 5,000-record .warc.gz streams through with every record and exact byte accounting")
    func fiveThousandRecords() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var bytes: [UInt8] = []
        for index in 0..<5000 {
            var records = ScrapeFixtures.warcRecord(
                type: "request", uri: "https://big.example/\(index)",
                payload: Array("GET / HTTP/1.1\r\n\r\n".utf8))
            records += ScrapeFixtures.htmlResponse(
                uri: "https://big.example/\(index)",
                html: "<html><title>\(index)</title><p>"
                    + String(repeating: "lorem \(index % 97) ", count: 60) + "</p>")
            bytes += ScrapeFixtures.gzipMember(records, level: 1)
        }
        let path = try ScrapeFixtures.write(bytes, to: folder + "/big.warc.gz")

        let reader = ScrapeInputReader(inputs: [path], logger: ScrapeFixtures.quietLogger)
        var count = 0
        var lastOffset: UInt64 = 0
        var ordered = true
        while let item = reader.next() {
            guard let article = item.article else {
                Issue.record("unexpected failure \(String(describing: item.failure))")
                continue
            }
            ordered = ordered && (count == 0 || article.source.offset! > lastOffset)
            ordered = ordered && article.url == "https://big.example/\(count)"
            lastOffset = article.source.offset!
            count += 1
            let progress = reader.stats
            #expect(progress.bytesConsumed <= UInt64(bytes.count))
        }
        #expect(count == 5000)
        #expect(ordered)
        #expect(reader.stats.skippedRecords == ["request": 5000])
        #expect(reader.stats.bytesConsumed == UInt64(bytes.count))
        #expect(reader.stats.totalBytes == UInt64(bytes.count))
    }

    @Test("records over maxRecordBytes become failures in every format; reading goes on")
    func recordCap() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let big = String(repeating: "x", count: 5000)
        let warc =
            ScrapeFixtures.htmlResponse(uri: "https://cap.example/big", html: big)
            + ScrapeFixtures.htmlResponse(uri: "https://cap.example/small", html: "<p>small</p>")
        let warcPath = try ScrapeFixtures.write(ScrapeFixtures.gzipMember(warc), to: folder + "/cap.warc.gz")
        let lines = [#"{"html": "\#(big)"}"#, #"{"html": "<p>s</p>"}"#].joined(separator: "\n")
        let jsonlPath = try ScrapeFixtures.write(Array(lines.utf8), to: folder + "/cap.jsonl")
        let docPath = try ScrapeFixtures.write(Array(big.utf8), to: folder + "/cap.html")
        var settings = ReaderSettings()
        settings.maxRecordBytes = 1000

        let (items, stats) = ScrapeFixtures.readAll([warcPath, jsonlPath, docPath], settings: settings)

        #expect(items.count == 5)
        #expect(items[0].failure?.source == SourceLocation(path: warcPath, offset: 0))
        #expect(items[1].article?.url == "https://cap.example/small")
        #expect(items[2].failure?.source == SourceLocation(path: jsonlPath, line: 1))
        #expect(items[3].article?.source.line == 2)
        #expect(items[4].failure?.source == SourceLocation(path: docPath))
        let reasons = items.compactMap(\.failure?.reason)
        #expect(reasons.count == 3)
        #expect(reasons.allSatisfy { $0.hasPrefix("record exceeds maxRecordBytes") })
        #expect(stats.articles == 2 && stats.failures == 3)
    }

    @Test("skip(n) resumes exactly where n items were handed out")
    func skipForResume() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let text = (0..<30).map { #"{"url": "https://r.example/\#($0)", "html": "<p>\#($0)</p>"}"# }
            .joined(separator: "\n")
        let first = try ScrapeFixtures.write(Array(text.utf8), to: folder + "/a.jsonl")
        let second = try ScrapeFixtures.write(Array("<p>doc</p>".utf8), to: folder + "/b.html")
        let inputs = [first, folder + "/missing.jsonl", second]

        let all = ScrapeFixtures.readAll(inputs).items
        let resumed = ScrapeInputReader(inputs: inputs, logger: ScrapeFixtures.quietLogger)
        resumed.skip(25)
        var rest: [ScrapeItem] = []
        while let item = resumed.next() { rest.append(item) }

        #expect(all.count == 32)
        #expect(rest.count == 7)
        #expect(rest.map(\.bodyText) == all.suffix(7).map(\.bodyText))
        #expect(rest.map { $0.failure?.reason } == all.suffix(7).map { $0.failure?.reason })
        #expect(resumed.stats.articles + resumed.stats.failures == 32)
    }
}
