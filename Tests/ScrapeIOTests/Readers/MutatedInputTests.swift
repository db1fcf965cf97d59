import ArticlePipeline
import ScrapeIO
import Testing

/// Deterministic mutations of valid inputs: the reader must always finish without trapping, keep the
/// records before a cut, and report at most a bounded number of failures.
@Suite("Mutated inputs")
struct MutatedInputTests {
    /// A small deterministic generator (LCG), so a failing case can be replayed from its seed.
    struct SeededBytes {
        var state: UInt64

        mutating func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(bound, 1)))
        }

        /// Flips, inserts or deletes (up to 39) bytes at 1…`maxEdits` random places; never leaves
        /// `bytes` empty.
        mutating func damage(_ bytes: inout [UInt8], maxEdits: Int) {
            for _ in 0..<(1 + next(below: maxEdits)) {
                let position = next(below: bytes.count)
                switch next(below: 3) {
                case 0: bytes[position] ^= UInt8(1 + next(below: 255))
                case 1: bytes.insert(UInt8(next(below: 256)), at: position)
                default: bytes.removeSubrange(position..<min(bytes.count, position + next(below: 40)))
                }
                if bytes.isEmpty { bytes = [0x0a] }
            }
        }
    }

    private let records: [[UInt8]] = (0..<6).map { index in
        ScrapeFixtures.htmlResponse(
            uri: "https://f.example/\(index)",
            html: "<p>" + String(repeating: "fuzz \(index) ", count: 25) + "</p>")
    }

    @Test("plain WARC cut at every 97th byte keeps every record that ended before the cut")
    func truncatedPlainWarc() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let all = records.flatMap { $0 }
        let ends = records.indices.map { index in records[...index].reduce(0) { $0 + $1.count } }
        for cut in stride(from: 1, to: all.count, by: 97) {
            let path = try ScrapeFixtures.write(Array(all[..<cut]), to: folder + "/cut-\(cut).warc")
            let (items, stats) = ScrapeFixtures.readAll([path])
            // A record is complete once its payload is in: only the CRLF CRLF separator may be missing.
            let complete = ends.filter { $0 - 4 <= cut }.count
            #expect(stats.articles == complete, "cut at \(cut)")
            #expect(stats.failures <= 1, "cut at \(cut)")
            #expect(items.count == complete + stats.failures)
        }
    }

    @Test("gzip members cut anywhere keep the complete members' records")
    func truncatedGzip() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let members = records.map { ScrapeFixtures.gzipMember($0) }
        let all = members.flatMap { $0 }
        let ends = members.indices.map { index in members[...index].reduce(0) { $0 + $1.count } }
        for cut in stride(from: 3, to: all.count, by: 41) {
            let path = try ScrapeFixtures.write(Array(all[..<cut]), to: folder + "/cut-\(cut).warc.gz")
            let (_, stats) = ScrapeFixtures.readAll([path])
            let complete = ends.filter { $0 <= cut }.count
            // Deflate data complete but the 8-byte trailer cut: the record comes, then the failure.
            #expect(stats.articles >= complete && stats.articles <= complete + 1, "cut at \(cut)")
            #expect(stats.failures == (ends.contains(cut) ? 0 : 1), "cut at \(cut)")
        }
    }

    @Test("random byte flips, insertions and deletions never trap and never loop")
    func randomMutations() throws {
        let folder = try ScrapeFixtures.temporaryFolder()
        let plain = records.flatMap { $0 }
        let gzip = records.map { ScrapeFixtures.gzipMember($0) }.flatMap { $0 }
        let jsonl = Array(
            (0..<6).map { #"{"url": "https://f.example/\#($0)", "html": "<p>\#($0) é</p>"}"# }
                .joined(separator: "\n").utf8)
        var random = SeededBytes(state: 2024)
        var failures = 0
        for round in 0..<240 {
            let (base, name) = [(plain, "m.warc"), (gzip, "m.warc.gz"), (jsonl, "m.jsonl")][round % 3]
            var bytes = base
            random.damage(&bytes, maxEdits: 6)
            let path = try ScrapeFixtures.write(bytes, to: folder + "/\(round)-\(name)")
            let (items, stats) = ScrapeFixtures.readAll([path])
            #expect(stats.articles <= 6 + 1, "round \(round)")
            #expect(items.count == stats.articles + stats.failures)
            #expect(stats.bytesConsumed == UInt64(bytes.count), "round \(round)")
            failures += stats.failures
        }
        #expect(failures >= 120, "the mutations should break most inputs")
    }
}
