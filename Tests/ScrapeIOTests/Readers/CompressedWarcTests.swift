import ArticlePipeline
import ScrapeIO
import Testing

@Suite("Compressed WARC: gzip members and zstd frames")
struct CompressedWarcTests {
    private func records(_ count: Int, prefix: String = "r") -> [[UInt8]] {
        (0..<count).map { index in
            ScrapeFixtures.htmlResponse(
                uri: "https://news.example/\(prefix)\(index)",
                html: "<html><h1>Story \(index)</h1><p>" + String(repeating: "word\(index) ", count: 30)
                    + "</p></html>")
        }
    }

    @Test("one gzip member per record: each record's location is its member's offset")
    func memberPerRecord() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let members = records(4).map { ScrapeFixtures.gzipMember($0) }
        let path = try ScrapeFixtures.write(members.flatMap { $0 }, to: folder + "/crawl.warc.gz")

        let (items, stats) = ScrapeFixtures.readAll([path])

        var expected: [UInt64] = []
        var offset = 0
        for member in members {
            expected.append(UInt64(offset))
            offset += member.count
        }
        #expect(items.compactMap(\.article?.source.offset) == expected)
        #expect(items.compactMap(\.article?.url) == (0..<4).map { "https://news.example/r\($0)" })
        #expect(stats.bytesConsumed == UInt64(offset))
        #expect(stats.failures == 0)
    }

    @Test("a whole file as one member, and trailing zero padding after the last member")
    func singleMember() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let all = records(5).flatMap { $0 }
        let bytes = ScrapeFixtures.gzipMember(all) + [UInt8](repeating: 0, count: 37)
        let path = try ScrapeFixtures.write(bytes, to: folder + "/one.warc.gz")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.count == 5)
        #expect(items.allSatisfy { $0.article?.source.offset == 0 })
        #expect(stats.failures == 0)
    }

    @Test("several records per member and records split across members map to the starting member")
    func membersNotAlignedWithRecords() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let plain = records(6)
        let all = plain.flatMap { $0 }
        // Cut points: inside record 0, exactly at the start of record 2, inside record 4.
        let starts = plain.indices.map { index in plain[..<index].reduce(0) { $0 + $1.count } }
        let cuts = [0, starts[0] + 10, starts[2], starts[4] + plain[4].count / 2, all.count]
        var bytes: [UInt8] = []
        var memberOffsets: [Int] = []
        for index in 0..<(cuts.count - 1) {
            memberOffsets.append(bytes.count)
            bytes += ScrapeFixtures.gzipMember(Array(all[cuts[index]..<cuts[index + 1]]))
        }
        let path = try ScrapeFixtures.write(bytes, to: folder + "/split.warc.gz")

        let (items, _) = ScrapeFixtures.readAll([path])

        // Record k starts in the last member whose first decoded byte is at or before its start.
        let expected = starts.map { start in
            UInt64(memberOffsets[cuts.lastIndex { $0 <= start && $0 < all.count }!])
        }
        #expect(items.count == 6)
        #expect(items.compactMap(\.article?.source.offset) == expected)
        #expect(
            items.map(\.bodyText)
                == plain.indices.map { index in
                    "<html><h1>Story \(index)</h1><p>" + String(repeating: "word\(index) ", count: 30)
                        + "</p></html>"
                })
    }

    @Test("zstd-compressed WARC: frames give the record offsets")
    func zstdFrames() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let plain = records(3, prefix: "z")
        let frames = [ScrapeFixtures.zstdFrame(plain[0] + plain[1]), ScrapeFixtures.zstdFrame(plain[2])]
        let path = try ScrapeFixtures.write(frames[0] + frames[1], to: folder + "/crawl.warc.zst")

        let (items, stats) = ScrapeFixtures.readAll([path])

        #expect(items.compactMap(\.article?.url) == (0..<3).map { "https://news.example/z\($0)" })
        #expect(items.compactMap(\.article?.source.offset) == [0, 0, UInt64(frames[0].count)])
        #expect(stats.failures == 0)
    }

    @Test("compression is recognised by magic bytes even without a .gz name")
    func magicWithoutSuffix() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let bytes = records(2).map { ScrapeFixtures.gzipMember($0) }.flatMap { $0 }
        let path = try ScrapeFixtures.write(bytes, to: folder + "/download.bin")

        let (items, _) = ScrapeFixtures.readAll([path])

        #expect(items.compactMap(\.article).count == 2)
    }
}
