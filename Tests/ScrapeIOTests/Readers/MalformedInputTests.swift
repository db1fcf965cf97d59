import ArticlePipeline
import ScrapeIO
import Testing

@Suite("Malformed input becomes failure items and reading goes on")
struct MalformedInputTests {
    private func pages(_ count: Int) -> [[UInt8]] {
        (0..<count).map { index in
            ScrapeFixtures.htmlResponse(
                uri: "https://m.example/\(index)",
                html: "<p>" + String(repeating: "page \(index) text ", count: 20) + "</p>")
        }
    }

    private func offsets(of members: [[UInt8]]) -> [UInt64] {
        members.indices.map { UInt64(members[..<$0].reduce(0) { $0 + $1.count }) }
    }

    @Test("truncated gzip member: records before it come through, then one failure at its offset")
    func truncatedGzip() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let members = pages(3).map { ScrapeFixtures.gzipMember($0) }
        let bytes = members[0] + members[1] + members[2].prefix(members[2].count / 2)
        let path = try ScrapeFixtures.write(Array(bytes), to: folder + "/cut.warc.gz")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.compactMap(\.article?.url) == ["https://m.example/0", "https://m.example/1"])
        let failure = try #require(items.last?.failure)
        #expect(failure.reason == "truncated gzip member")
        #expect(failure.source == SourceLocation(path: path, offset: offsets(of: members)[2]))
        #expect(stats.failures == 1)
    }

    @Test("corrupt data inside a member: that member fails, reading resumes at the next member")
    func corruptMember() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var members = pages(6).map { ScrapeFixtures.gzipMember($0) }
        let middle = members[2].count / 2
        for index in middle..<(middle + 8) { members[2][index] ^= 0x5a }
        members[4][0] = 0x00  // a bad magic byte: the member header itself is broken
        members[4][1] = 0x42
        let path = try ScrapeFixtures.write(members.flatMap { $0 }, to: folder + "/corrupt.warc.gz")

        let (items, _) = ScrapeFixtures.readAll([path])

        let urls = items.compactMap(\.article?.url)
        #expect(urls == [0, 1, 3, 5].map { "https://m.example/\($0)" })
        let failures = items.compactMap(\.failure)
        #expect(failures.map(\.source.offset) == [offsets(of: members)[2], offsets(of: members)[4]])
        #expect(failures.first?.reason.hasPrefix("corrupt gzip member") == true)
        #expect(failures.last?.reason.hasPrefix("not a gzip member") == true)
    }

    @Test("a WARC record whose Content-Length runs past the end is a failure after the good ones")
    func cutOffRecord() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let good = pages(2)
        let last = ScrapeFixtures.htmlResponse(uri: "https://m.example/cut", html: "<p>never ends</p>")
        let path = try ScrapeFixtures.write(
            good[0] + good[1] + last.prefix(last.count - 12), to: folder + "/cut.warc")

        let (items, _) = ScrapeFixtures.readAll([path])

        #expect(items.count == 3)
        #expect(items.prefix(2).compactMap(\.article).count == 2)
        let failure = try #require(items.last?.failure)
        #expect(failure.reason.hasPrefix("WARC record cut off"))
        #expect(failure.source.offset == UInt64(good[0].count + good[1].count))
    }

    @Test("a bad header block is a failure; the reader resynchronises on the next WARC/1. line")
    func badHeaderResync() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let good = pages(3)
        let junk = Array("GARBAGE LINE\r\nmore junk WARC/ not at line start\r\n\r\n".utf8)
        let noLength = Array("WARC/1.1\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n".utf8)
        let bytes = good[0] + junk + good[1] + noLength + good[2]
        let path = try ScrapeFixtures.write(bytes, to: folder + "/junk.warc")

        let (items, _) = ScrapeFixtures.readAll([path])

        #expect(
            items.compactMap(\.article?.url) == [
                "https://m.example/0", "https://m.example/1", "https://m.example/2",
            ])
        let failures = items.compactMap(\.failure)
        #expect(
            failures.map(\.reason) == [
                "bad WARC header: no WARC/1.x version line",
                "bad WARC header: missing or invalid Content-Length",
            ])
        #expect(failures.first?.source.offset == UInt64(good[0].count))
        #expect(failures.last?.source.offset == UInt64(good[0].count + junk.count + good[1].count))
    }

    @Test("binary junk, empty files and missing paths give one failure each; later inputs still read")
    func junkEmptyMissing() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        var junk: [UInt8] = []
        var state: UInt32 = 12345
        for _ in 0..<5000 {
            state = state &* 1_103_515_245 &+ 12345
            junk.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        let binary = try ScrapeFixtures.write([0, 1, 2, 3] + junk, to: folder + "/junk.bin")
        let junkGz = try ScrapeFixtures.write([0x42] + junk, to: folder + "/junk.warc.gz")
        let empty = try ScrapeFixtures.write([], to: folder + "/empty.jsonl")
        let emptyGz = try ScrapeFixtures.write(ScrapeFixtures.gzipMember([]), to: folder + "/empty.warc.gz")
        let missing = folder + "/does-not-exist.warc.gz"
        let good = try ScrapeFixtures.write(Array("<p>fine</p>".utf8), to: folder + "/fine.html")

        let (items, stats) = ScrapeFixtures.readAll([binary, junkGz, empty, emptyGz, missing, good])

        #expect(items.count == 6)
        #expect(items.prefix(5).map { $0.failure?.source.path } == [binary, junkGz, empty, emptyGz, missing])
        #expect(items[0].failure?.reason.hasPrefix("unrecognised binary data") == true)
        #expect(items[1].failure?.reason.hasPrefix("not a gzip member") == true)
        #expect(items[2].failure?.reason == "empty file")
        #expect(items[3].failure?.reason == "empty file")
        #expect(items[4].failure?.reason == "no such file or directory")
        #expect(items[5].bodyText == "<p>fine</p>")
        #expect(stats.failures == 5 && stats.articles == 1)
    }
}
