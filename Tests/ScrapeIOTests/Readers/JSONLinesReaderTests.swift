import ArticlePipeline
import ScrapeIO
import Testing

@Suite("JSON Lines")
struct JSONLinesReaderTests {
    @Test("default field names, first present wins, line numbers as locations")
    func defaultFields() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let lines = [
            #"{"url": "https://a.example/1", "html": "<p>One \u00e9</p>", "fetched_at": "2024-01-02T03:04:05Z", "content_type": "text/html"}"#,
            #"{"link": "https://a.example/2", "body": "<p>Two</p>", "text": "ignored", "timestamp": 1700000000}"#,
            "",
            #"{"warc_target_uri": "https://a.example/3", "raw_content": "Three", "id": "custom-3", "mime": "text/plain"}"#,
            #"{"content": "no url", "id": 42, "date": "2024-02-02"}"#,
            #"{"text": "bool id", "id": true, "url": ""}"#,
        ]
        let path = try ScrapeFixtures.write(
            Array(lines.joined(separator: "\n").utf8), to: folder + "/dump.jsonl")

        let (items, stats) = ScrapeFixtures.readAll([path])

        let articles = items.compactMap(\.article)
        #expect(articles.count == 5)
        #expect(
            articles.map { String(decoding: $0.body, as: UTF8.self) } == [
                "<p>One é</p>", "<p>Two</p>", "Three", "no url", "bool id",
            ])
        #expect(
            articles.map(\.url) == [
                "https://a.example/1", "https://a.example/2", "https://a.example/3", nil, nil,
            ])
        #expect(articles.map(\.source.line) == [1, 2, 4, 5, 6])
        #expect(articles.allSatisfy { $0.source.path == path && $0.charset == "utf-8" })
        #expect(articles[0].fetchedAt == "2024-01-02T03:04:05Z")
        #expect(articles[0].contentType == "text/html")
        #expect(articles[0].id == StableID.forArticle(url: "https://a.example/1", body: []))
        #expect(articles[1].fetchedAt == "1700000000")
        #expect(articles[2].id == "custom-3")
        #expect(articles[2].contentType == "text/plain")
        #expect(articles[3].id == "42")
        #expect(articles[3].fetchedAt == "2024-02-02")
        #expect(articles[4].id == StableID.forArticle(url: nil, body: Array("bool id".utf8)))
        #expect(stats.skippedRecords == ["blank line": 1])
    }

    @Test("custom field names from settings")
    func customSettings() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let lines = [
            #"{"page_url": "https://c.example/x", "page": "<p>X</p>", "html": "not me", "uid": "u-1", "seen": "2023"}"#,
            #"{"html": "<p>only html</p>"}"#,
        ]
        let path = try ScrapeFixtures.write(
            Array(lines.joined(separator: "\r\n").utf8), to: folder + "/c.ndjson")
        var settings = ReaderSettings()
        settings.urlFields = ["page_url"]
        settings.bodyFields = ["page"]
        settings.idFields = ["uid"]
        settings.fetchedAtFields = ["seen"]

        let (items, _) = ScrapeFixtures.readAll([path], settings: settings)

        let article = try #require(items.first?.article)
        #expect(article.url == "https://c.example/x")
        #expect(String(decoding: article.body, as: UTF8.self) == "<p>X</p>")
        #expect(article.id == "u-1")
        #expect(article.fetchedAt == "2023")
        let failure = try #require(items.last?.failure)
        #expect(failure.source == SourceLocation(path: path, line: 2))
        #expect(failure.reason.contains("no body field"))
    }

    @Test("gzip and zstd compressed JSON Lines")
    func compressed() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let text =
            (1...50).map { #"{"url": "https://z.example/\#($0)", "html": "<p>\#($0)</p>"}"# }
            .joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        let half = bytes.count / 2
        let gz = try ScrapeFixtures.write(
            ScrapeFixtures.gzipMember(Array(bytes[..<half]))
                + ScrapeFixtures.gzipMember(Array(bytes[half...])),
            to: folder + "/a.jsonl.gz")
        let zst = try ScrapeFixtures.write(ScrapeFixtures.zstdFrame(bytes), to: folder + "/b.json.zst")

        let (items, stats) = ScrapeFixtures.readAll([gz, zst])

        #expect(items.count == 100)
        #expect(items.compactMap(\.article?.source.line) == Array(1...50) + Array(1...50))
        #expect(items.last?.article?.url == "https://z.example/50")
        #expect(items.last?.article?.source.path == zst)
        #expect(stats.failures == 0)
    }

    @Test("invalid JSON, non-objects and invalid UTF-8 are failures with line numbers; others come through")
    func badLines() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var bytes = Array(#"{"html": "<p>ok 1</p>"}"#.utf8) + [0x0a]
        bytes += Array(#"{"html": "<p>broken"#.utf8) + [0x0a]
        bytes += Array("[1, 2]".utf8) + [0x0a]
        bytes += Array(#"{"html": "bad "#.utf8) + [0xc3, 0x28] + Array(#" utf8"}"#.utf8) + [0x0a]
        bytes += Array(#"{"html": "<p>ok 5</p>"}"#.utf8)
        let path = try ScrapeFixtures.write(bytes, to: folder + "/bad.jsonl")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.count == 5)
        #expect(items[0].bodyText == "<p>ok 1</p>")
        #expect(
            items[1].failure
                == ReadFailure(source: SourceLocation(path: path, line: 2), reason: "invalid JSON"))
        #expect(items[2].failure?.reason == "JSON line is not an object")
        #expect(items[3].failure?.reason == "invalid UTF-8 in JSON line")
        #expect(items[3].failure?.source.line == 4)
        #expect(items[4].bodyText == "<p>ok 5</p>")
        #expect(stats.articles == 2 && stats.failures == 3)
        let ids = Set(items.compactMap(\.failure?.id))
        #expect(ids.count == 3)
    }
}

extension JSONLinesReaderTests {
    @Test(
        "megabytes of values nobody asked for are walked over; the scanner's scratch space follows line sizes"
    )
    func largeUnwantedValues() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let escapedText = String(repeating: #"<p class=\"x\">caf\u00e9 é\n</p>"#, count: 200_000)
        let numbers = Array(repeating: "[1.5e3, -2, {\"k\": [true, null]}]", count: 50_000).joined(
            separator: ",")
        let huge =
            #"{"skipped": "\#(escapedText)", "more": [\#(numbers)], "html": "<p>after</p>", "url": "https://l.example/1"}"#
        let lines = [huge, #"{"html": "<p>small</p>"}"#, huge, #"{"text": "\#(escapedText)"}"#]
        let path = try ScrapeFixtures.write(
            Array(lines.joined(separator: "\n").utf8), to: folder + "/large.jsonl")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(huge.utf8.count > 8_000_000)
        #expect(stats.failures == 0)
        #expect(
            items.map(\.bodyText) == [
                "<p>after</p>", "<p>small</p>", "<p>after</p>",
                String(repeating: "<p class=\"x\">café é\n</p>", count: 200_000),
            ])
        #expect(items[2].article?.url == "https://l.example/1")
    }
}
