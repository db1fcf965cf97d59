import ArticlePipeline
import ScrapeIO
import Testing

@Suite("A WARC record whose Content-Length is wrong is a failure, not a record with junk")
struct ContentLengthTests {
    private func record(_ index: Int) -> [UInt8] {
        ScrapeFixtures.htmlResponse(
            uri: "https://c.example/\(index)",
            html: "<p>" + String(repeating: "story \(index) ", count: 30) + "</p>")
    }

    /// Rewrites the record's Content-Length to claim `extra` more bytes than its block holds.
    private func overrun(_ record: [UInt8], by extra: Int) -> [UInt8] {
        let text = String(decoding: record, as: UTF8.self)
        let line = text.split(separator: "\r\n").first { $0.hasPrefix("Content-Length:") }!
        let length = Int(line.dropFirst("Content-Length:".count).trimmingCharacters(in: .whitespaces))!
        return Array(
            text.replacingOccurrences(of: String(line), with: "Content-Length: \(length + extra)").utf8)
    }

    @Test("overrun into the next record: one failure, and the records around it come through")
    func overrunIntoNextRecord() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let bytes = record(0) + overrun(record(1), by: 60) + record(2) + record(3)
        let path = try ScrapeFixtures.write(bytes, to: folder + "/overrun.warc")

        let (items, stats) = ScrapeFixtures.readAll([path])

        let urls = items.compactMap(\.article?.url)
        #expect(!urls.contains("https://c.example/1"), "no record made of a wrong block")
        #expect(urls.contains("https://c.example/0"))
        #expect(urls.contains("https://c.example/3"))
        let failure = try #require(items.compactMap(\.failure).first)
        #expect(failure.reason.contains("Content-Length"))
        #expect(stats.failures >= 1)
    }
}
