import ArticlePipeline
import Foundation
import ScrapeIO
import Testing

/// Split jobs must be invisible in the result: the records of every split of a WARC.gz, read by
/// `FileSplitReader` one after another, are exactly the records of the whole file read at once —
/// whatever the split size, wherever a boundary falls (inside a member, on one, inside an irregular
/// stretch), for files that keep one record per member and files that do not.
@Suite("File splits")
struct FileSplitTests {
    private static var referencing: ReaderSettings {
        var settings = ReaderSettings()
        settings.handsOutReferences = true
        return settings
    }

    /// An item as comparable text, references loaded.
    private static func describe(_ item: ScrapeItem, loader: ArticleReferenceLoader) -> String {
        switch loader.resolve(item) {
        case .article(let a):
            return
                "article \(a.source.description) \(a.id) \(a.url ?? "-") \(StableID.hash64(a.body)) \(a.body.count)"
        case .failure(let f):
            return "failure \(f.source.description) \(f.reason)"
        case .reference, .split:
            return "unresolved"
        }
    }

    /// The whole file read by the coordinator's reader (reference mode), and its skips.
    private static func whole(_ path: String) -> (items: [String], skipped: [String: Int]) {
        let (items, stats) = ScrapeFixtures.readAll([path], settings: referencing)
        let loader = ArticleReferenceLoader()
        return (items.map { describe($0, loader: loader) }, stats.skippedRecords)
    }

    /// Every split of `splitBytes` read in turn, and the skips summed.
    private static func splits(
        _ path: String, splitBytes: UInt64
    ) throws -> (items: [String], skipped: [String: Int]) {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64)
        let loader = ArticleReferenceLoader()
        var items: [String] = []
        var skipped: [String: Int] = [:]
        for split in FileSplit.cut(path: path, file: path, size: size, splitBytes: splitBytes) {
            let reader = try FileSplitReader(
                split: split, settings: referencing, logger: ScrapeFixtures.quietLogger)
            while let item = reader.next() { items.append(describe(item, loader: loader)) }
            skipped.merge(reader.skippedRecords, uniquingKeysWith: +)
        }
        return (items, skipped)
    }

    private static func page(_ n: Int) -> String {
        "<html><head><title>Story \(n)</title></head><body><p>"
            + String(repeating: "Paragraph \(n) of a news story, told at some length. ", count: 5 + n % 40)
            + "</p></body></html>"
    }

    /// Records of a crawl: responses of many sizes, requests, metadata and a 404.
    private static func records(_ count: Int) -> [[UInt8]] {
        (0..<count).map { n in
            switch n % 7 {
            case 3:
                ScrapeFixtures.warcRecord(
                    type: "request", uri: "https://s.example/\(n)",
                    payload: Array("GET / HTTP/1.1\r\n\r\n".utf8))
            case 5: ScrapeFixtures.htmlResponse(uri: "https://s.example/\(n)", html: page(n), status: 404)
            default: ScrapeFixtures.htmlResponse(uri: "https://s.example/\(n)", html: page(n))
            }
        }
    }

    private static let splitSizes: [UInt64] = [1, 97, 1_000, 4_096, 10_000, 1 << 20]

    private static func expectSameAtEverySize(_ path: String, _ comment: String) throws {
        let expected = whole(path)
        #expect(!expected.items.isEmpty)
        for size in splitSizes {
            let got = try splits(path, splitBytes: size)
            #expect(got.items == expected.items, "\(comment), splits of \(size) bytes")
            #expect(got.skipped == expected.skipped, "\(comment), splits of \(size) bytes")
        }
    }

    @Test("one record per member: every split size gives the file's records once")
    func perRecordMembers() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let bytes = Self.records(120).flatMap { ScrapeFixtures.gzipMember($0) }
        let path = try ScrapeFixtures.write(bytes, to: folder + "/crawl.warc.gz")
        try Self.expectSameAtEverySize(path, "per-record members")
    }

    @Test("irregular stretches (several records in one member, a damaged member) are read once")
    func irregularMembers() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let records = Self.records(90)
        var bytes: [UInt8] = []
        var index = 0
        while index < records.count {
            if index % 30 == 10 {
                // Five records in one member.
                bytes += ScrapeFixtures.gzipMember(records[index..<index + 5].flatMap { $0 })
                index += 5
            } else if index == 47 {
                // A member whose deflate data is damaged halfway.
                var member = ScrapeFixtures.gzipMember(records[index])
                for position in (member.count / 2)..<(member.count / 2 + 16) { member[position] ^= 0x5a }
                bytes += member
                index += 1
            } else {
                bytes += ScrapeFixtures.gzipMember(records[index])
                index += 1
            }
        }
        let path = try ScrapeFixtures.write(bytes, to: folder + "/irregular.warc.gz")
        try Self.expectSameAtEverySize(path, "irregular members")
    }

    @Test("a file that is one gzip stream is read whole by its first split, the others hold nothing")
    func singleMember() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let bytes = ScrapeFixtures.gzipMember(Self.records(60).flatMap { $0 })
        let path = try ScrapeFixtures.write(bytes, to: folder + "/one-stream.warc.gz")
        try Self.expectSameAtEverySize(path, "one gzip stream")
    }

    @Test("a file cut short inside its last member reports the cut once")
    func truncatedFile() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let bytes = Self.records(40).flatMap { ScrapeFixtures.gzipMember($0) }
        let path = try ScrapeFixtures.write(Array(bytes.dropLast(300)), to: folder + "/cut.warc.gz")
        let expected = Self.whole(path)
        #expect(expected.items.last?.hasPrefix("failure") == true)
        try Self.expectSameAtEverySize(path, "truncated file")
    }

    @Test("a split of a file that is gone, or shorter than when it was cut, cannot be read and says why")
    func vanishedFile() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let split = FileSplit(
            path: "gone.warc.gz", file: folder + "/gone.warc.gz", offset: 0, length: 100, fileSize: 100)
        #expect(throws: FileSplitReader.Unreadable.self) {
            try FileSplitReader(split: split, settings: Self.referencing, logger: ScrapeFixtures.quietLogger)
        }
        let path = try ScrapeFixtures.write(
            ScrapeFixtures.gzipMember(Self.records(1)[0]), to: folder + "/short.warc.gz")
        let late = FileSplit(path: path, file: path, offset: 5_000, length: 100, fileSize: 5_100)
        do {
            _ = try FileSplitReader(
                split: late, settings: Self.referencing, logger: ScrapeFixtures.quietLogger)
            Issue.record("a split past the end of its file was read")
        } catch {
            #expect(error.reason.contains("shorter than when it was cut"))
        }
    }

    @Test("the coordinator's reader cuts local .warc.gz files into splits by size, other inputs as before")
    func readerCutsSplits() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let gz = try ScrapeFixtures.write(
            Self.records(30).flatMap { ScrapeFixtures.gzipMember($0) }, to: folder + "/a.warc.gz")
        let plain = try ScrapeFixtures.write(Self.records(3).flatMap { $0 }, to: folder + "/b.warc")
        var settings = Self.referencing
        settings.splitBytes = 4_096
        let (items, stats) = ScrapeFixtures.readAll([gz, plain], settings: settings)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: gz)[.size] as? UInt64)
        let splits = items.compactMap { item -> FileSplit? in
            if case .split(let split) = item { return split }
            return nil
        }
        #expect(splits.count == Int((size + 4_095) / 4_096))
        #expect(splits.map(\.offset) == splits.indices.map { UInt64($0) * 4_096 })
        #expect(splits.reduce(0) { $0 + $1.length } == size)
        #expect(stats.splits == splits.count)
        #expect(items.count > splits.count, "the plain WARC is read as before")
    }
}
