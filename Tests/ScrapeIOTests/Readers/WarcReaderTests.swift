import ArticlePipeline
import ScrapeIO
import Testing

@Suite("WARC records")
struct WarcReaderTests {
    @Test("response records become articles with URL, type, charset, date and record offset")
    func responseRecords() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let info = ScrapeFixtures.warcRecord(
            type: "warcinfo", contentType: "application/warc-fields", payload: Array("software: t\r\n".utf8))
        let first = ScrapeFixtures.htmlResponse(
            uri: "https://news.example/a", html: "<html><p>Alpha</p></html>",
            contentType: "text/html; charset=ISO-8859-1")
        let second = ScrapeFixtures.htmlResponse(uri: "<https://news.example/b>", html: "<p>Beta</p>")
        let path = try ScrapeFixtures.write(info + first + second, to: folder + "/crawl.warc")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.count == 2)
        let a = try #require(items.first?.article)
        #expect(a.url == "https://news.example/a")
        #expect(String(decoding: a.body, as: UTF8.self) == "<html><p>Alpha</p></html>")
        #expect(a.contentType == "text/html; charset=ISO-8859-1")
        #expect(a.charset == "iso-8859-1")
        #expect(a.fetchedAt == "2024-05-01T10:00:00Z")
        #expect(a.source == SourceLocation(path: path, offset: UInt64(info.count)))
        #expect(a.id == StableID.forArticle(url: "https://news.example/a", body: []))
        let b = try #require(items.last?.article)
        #expect(b.url == "https://news.example/b")
        #expect(b.source.offset == UInt64(info.count + first.count))
        #expect(stats.articles == 2)
        #expect(stats.skippedRecords == ["warcinfo": 1])
        #expect(stats.bytesConsumed == UInt64(info.count + first.count + second.count))
        #expect(stats.totalBytes == stats.bytesConsumed)
    }

    @Test("resource records use the WARC Content-Type; WARC/1.0 works too")
    func resourceRecords() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let page = ScrapeFixtures.warcRecord(
            type: "resource", uri: "file:///page.html", contentType: "text/html",
            payload: Array("<p>R</p>".utf8),
            version: "1.0")
        let image = ScrapeFixtures.warcRecord(
            type: "resource", uri: "file:///x.png", contentType: "image/png",
            payload: [0x89, 0x50, 0x4e, 0x47])
        let path = try ScrapeFixtures.write(page + image, to: folder + "/r.warc")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.map(\.bodyText) == ["<p>R</p>"])
        #expect(items.first?.article?.contentType == "text/html")
        #expect(stats.skippedRecords == ["content type image/png": 1])
    }

    @Test("other record types, non-2xx statuses and non-HTML types are skipped and counted")
    func skippedRecords() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var bytes: [UInt8] = []
        for type in ["warcinfo", "request", "metadata", "revisit", "conversion", "request"] {
            bytes += ScrapeFixtures.warcRecord(
                type: type, uri: "https://x.example/", payload: Array("x y".utf8))
        }
        bytes += ScrapeFixtures.htmlResponse(uri: "https://x.example/404", html: "gone", status: 404)
        bytes += ScrapeFixtures.htmlResponse(uri: "https://x.example/301", html: "", status: 301)
        bytes += ScrapeFixtures.htmlResponse(
            uri: "https://x.example/i", html: "GIF89a", contentType: "image/gif")
        bytes += ScrapeFixtures.htmlResponse(
            uri: "https://x.example/t", html: "plain", contentType: "text/plain")
        let noType = ScrapeFixtures.httpResponse(body: Array("<p>untyped</p>".utf8))
        bytes += ScrapeFixtures.warcRecord(type: "response", uri: "https://x.example/u", payload: noType)
        bytes += ScrapeFixtures.htmlResponse(
            uri: "https://x.example/x", html: "<x/>", contentType: "application/xhtml+xml")
        let path = try ScrapeFixtures.write(bytes, to: folder + "/mixed.warc")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.map(\.bodyText) == ["plain", "<p>untyped</p>", "<x/>"])
        #expect(
            stats.skippedRecords == [
                "warcinfo": 1, "request": 2, "metadata": 1, "revisit": 1, "conversion": 1,
                "http status 404": 1, "http status 301": 1, "content type image/gif": 1,
            ])
    }

    @Test("chunked transfer encoding is joined and gzip content encoding inflated")
    func httpEncodings() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let html = "<html><body><p>" + String(repeating: "Chunked news. ", count: 40) + "</p></body></html>"
        let bytes = Array(html.utf8)
        let chunks =
            "1a\r\n" + String(html.prefix(26)) + "\r\n" + String(format: "%x", bytes.count - 26)
            + ";ext=1\r\n" + String(html.dropFirst(26)) + "\r\n0\r\nX-Trailer: y\r\n\r\n"
        let chunked = ScrapeFixtures.httpResponse(
            headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
            body: Array(chunks.utf8))
        let gzipped = ScrapeFixtures.httpResponse(
            headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            body: ScrapeFixtures.gzipMember(bytes))
        let both = ScrapeFixtures.gzipMember(bytes)
        let bothBody = Array(String(format: "%x\r\n", both.count).utf8) + both + Array("\r\n0\r\n\r\n".utf8)
        let chunkedGzip = ScrapeFixtures.httpResponse(
            headers: [
                ("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip"),
            ],
            body: bothBody)
        var file: [UInt8] = []
        for (index, payload) in [chunked, gzipped, chunkedGzip].enumerated() {
            file += ScrapeFixtures.warcRecord(
                type: "response", uri: "https://e.example/\(index)", contentType: "application/http",
                payload: payload)
        }
        let path = try ScrapeFixtures.write(file, to: folder + "/enc.warc")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.map(\.bodyText) == [html, html, html])
        #expect(stats.failures == 0)
    }

    @Test("a gzip Content-Encoding body that is corrupt is a failure; later records still come")
    func corruptHTTPBody() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var broken = ScrapeFixtures.gzipMember(Array(String(repeating: "<p>x</p>", count: 50).utf8))
        broken[broken.count / 2] ^= 0xff
        broken[broken.count / 2 + 1] ^= 0xff
        let bad = ScrapeFixtures.httpResponse(
            headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: broken)
        let file =
            ScrapeFixtures.warcRecord(type: "response", uri: "https://e.example/bad", payload: bad)
            + ScrapeFixtures.htmlResponse(uri: "https://e.example/good", html: "<p>good</p>")
        let path = try ScrapeFixtures.write(file, to: folder + "/bad-body.warc")

        let (items, _) = ScrapeFixtures.readAll([path])

        #expect(items.count == 2)
        #expect(items.first?.failure?.reason.hasPrefix("corrupt gzip body") == true)
        #expect(items.first?.failure?.source == SourceLocation(path: path, offset: 0))
        #expect(items.last?.bodyText == "<p>good</p>")
    }
}
