import ArticlePipeline
import Foundation
import ScrapeIO
import Testing

@Suite("Folders, single documents and stdin")
struct FolderAndStdinTests {
    @Test("folders are read recursively in sorted order, .gz included, other files ignored and counted")
    func folderRecursive() throws {
        let root = try ScrapeFixtures.temporaryFolder() + "/site"
        try ScrapeFixtures.write(Array("<p>b</p>".utf8), to: root + "/b.html")
        try ScrapeFixtures.write(Array("plain a".utf8), to: root + "/a.txt")
        try ScrapeFixtures.write(
            ScrapeFixtures.gzipMember(Array("<p>deep</p>".utf8)), to: root + "/sub/deeper/c.htm.gz")
        try ScrapeFixtures.write(Array("<p>x</p>".utf8), to: root + "/sub/x.xhtml")
        try ScrapeFixtures.write(Array("notes".utf8), to: root + "/sub/readme.md")
        try ScrapeFixtures.write([0xff, 0xd8, 0xff], to: root + "/photo.jpg")

        let (items, stats) = ScrapeFixtures.readAll([root])

        #expect(
            items.compactMap(\.article?.source.path) == [
                root + "/a.txt", root + "/b.html", root + "/sub/deeper/c.htm.gz", root + "/sub/x.xhtml",
            ])
        #expect(items.map(\.bodyText) == ["plain a", "<p>b</p>", "<p>deep</p>", "<p>x</p>"])
        #expect(
            items.compactMap(\.article?.contentType) == ["text/plain", "text/html", "text/html", "text/html"])
        #expect(items.allSatisfy { $0.article?.url == nil && $0.article?.source.offset == nil })
        #expect(items[1].article?.id == StableID.forArticle(url: nil, body: Array("<p>b</p>".utf8)))
        #expect(stats.skippedRecords == ["ignored file": 2])
        #expect(stats.bytesConsumed == stats.totalBytes)
        #expect(
            stats.totalBytes == UInt64(8 + 7 + 8 + ScrapeFixtures.gzipMember(Array("<p>deep</p>".utf8)).count)
        )
    }

    @Test("a single document given directly; an unknown name is sniffed")
    func singleFiles() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let html = try ScrapeFixtures.write(Array("<html>page</html>".utf8), to: folder + "/page.html")
        let sniffed = try ScrapeFixtures.write(Array("  <!doctype html><p>s</p>".utf8), to: folder + "/noext")
        let text = try ScrapeFixtures.write(Array("Just text.".utf8), to: folder + "/story.dat")
        let warc = try ScrapeFixtures.write(
            ScrapeFixtures.htmlResponse(uri: "https://s.example/", html: "<p>w</p>"), to: folder + "/export")

        let (items, _) = ScrapeFixtures.readAll([html, sniffed, text, warc])

        #expect(
            items.map(\.bodyText) == [
                "<html>page</html>", "  <!doctype html><p>s</p>", "Just text.", "<p>w</p>",
            ])
        #expect(
            items.compactMap(\.article?.contentType) == [
                "text/html", "text/html", "text/plain", "text/html; charset=utf-8",
            ])
    }

    @Test("stdin: gzip is inflated and then sniffed as WARC, JSON Lines or a document")
    func standardInput() throws {
        let warc = ScrapeFixtures.gzipMember(
            ScrapeFixtures.htmlResponse(uri: "https://in.example/", html: "<p>in</p>"))
        let jsonl = Array(#"{"url": "https://in.example/j", "html": "<p>j</p>"}"#.utf8) + [0x0a]
        let cases: [([UInt8], String)] = [
            (warc, "<p>in</p>"), (jsonl, "<p>j</p>"),
            (ScrapeFixtures.gzipMember(Array("<p>doc</p>".utf8)), "<p>doc</p>"),
        ]
        for (bytes, body) in cases {
            let (items, stats) = try readThroughPipe(bytes)
            #expect(items.map(\.bodyText) == [body])
            #expect(items.first?.article?.source.path == "-")
            #expect(stats.totalBytes == nil)
            #expect(stats.bytesConsumed == UInt64(bytes.count))
        }
    }

    /// Feeds `bytes` to a reader through a pipe standing in for stdin (small: fits the pipe buffer).
    private func readThroughPipe(_ bytes: [UInt8]) throws -> (items: [ScrapeItem], stats: ReaderStats) {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data(bytes))
        try pipe.fileHandleForWriting.close()
        return ScrapeFixtures.readAll(["-"], standardInput: pipe.fileHandleForReading.fileDescriptor)
    }
}
