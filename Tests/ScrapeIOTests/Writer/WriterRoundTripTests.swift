import Foundation
import ScrapeIO
import Testing

/// Everything appended and committed comes back exactly once, in the right shard.
@Suite struct WriterRoundTripTests {
    @Test(arguments: OutputCompression.allCases)
    func everyRecordAppearsOnceInItsShard(compression: OutputCompression) throws {
        let dir = try WriterScratchDirectory()
        // A small buffer makes lines go through several compress-and-write rounds per commit.
        let settings = WriterFixtures.settings(shards: 8, compression: compression, bufferBytes: 2048)
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        var expected: [String: Int] = [:]
        for commit in 0..<5 {
            for n in 0..<400 {
                let id = "c\(commit)-article-\(n)"
                expected[id] = ShardedJSONLWriter.shardIndex(forID: id, shards: 8)
                writer.append(id: id, line: WriterFixtures.record(id, words: n % 50))
            }
            writer.appendDeadLetter(line: WriterFixtures.deadLetter("dead-\(commit)"))
            let summary = try writer.commit(jobs: ["job-\(commit)"])
            #expect(summary.records == 400)
            #expect(summary.failures == 1)
            #expect(summary.jobs == 1)
        }
        try writer.finish()

        var seen: [String: Int] = [:]
        for shard in 0..<8 {
            let name = String(format: "shard-%05d-of-00008.jsonl", shard) + compression.fileSuffix
            let lines = try WriterFixtures.lines(WriterFixtures.decode(dir.bytes(name), compression))
            for line in lines {
                let id = try #require(WriterFixtures.id(of: line), "not JSON: \(line)")
                #expect(seen[id] == nil, "duplicate \(id)")
                seen[id] = shard
            }
        }
        #expect(seen == expected)
        let dead = try WriterFixtures.lines(
            WriterFixtures.decode(dir.bytes("dead-letter.jsonl" + compression.fileSuffix), compression))
        #expect(dead.compactMap(WriterFixtures.id(of:)) == (0..<5).map { "dead-\($0)" })
        #expect(writer.stats.records == 2000)
        #expect(writer.stats.failures == 5)
        #expect(writer.stats.committedJobs == 5)
    }

    /// Commits that fit the buffer are one member each; `WriterLargeCommitTests` has larger ones.
    @Test func gzipFilesHoldOneMemberPerCommitThatFitsTheBuffer() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 1),
            logger: WriterFixtures.quietLogger)
        for commit in 0..<4 {
            for n in 0..<100 {
                writer.append(id: "\(commit)-\(n)", line: WriterFixtures.record("\(commit)-\(n)"))
            }
            _ = try writer.commit(jobs: [])
        }
        try writer.finish()
        let decoded = try WriterFixtures.gunzip(dir.bytes("shard-00000-of-00001.jsonl.gz"))
        #expect(decoded.members == 4)
        #expect(try WriterFixtures.lines(decoded.content).count == 400)
        // The dead-letter shard got no lines: one empty member keeps it a valid gzip file.
        let empty = try WriterFixtures.gunzip(dir.bytes("dead-letter.jsonl.gz"))
        #expect(empty.members == 1)
        #expect(empty.content.isEmpty)
    }

    @Test(arguments: [OutputCompression.gzip, .zstd])
    func commandLineToolsReadTheFilesWhole(compression: OutputCompression) throws {
        let tool = compression == .gzip ? "gzip" : "zstd"
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 2, compression: compression),
            logger: WriterFixtures.quietLogger)
        for commit in 0..<3 {
            for n in 0..<30 {
                writer.append(id: "\(commit)/\(n)", line: WriterFixtures.record("\(commit)/\(n)"))
            }
            _ = try writer.commit(jobs: ["\(commit)"])
        }
        try writer.finish()
        for name in try dir.names() where name.hasSuffix(compression.fileSuffix) {
            let ours = try WriterFixtures.decode(dir.bytes(name), compression)
            guard let result = try WriterFixtures.run(tool, ["-dc", dir.file(name)]) else {
                print("skipping: \(tool) is not installed")
                return
            }
            #expect(result.status == 0, "\(tool) -dc \(name)")
            #expect(Array(result.output) == ours)
        }
        if compression == .gzip,
            let python = try WriterFixtures.run(
                "python3",
                [
                    "-c",
                    "import gzip,glob,sys; print(sum(len(gzip.open(f).read().splitlines()) for f in glob.glob(sys.argv[1] + '/*.gz')))",
                    dir.path,
                ])
        {
            #expect(
                String(decoding: python.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    == "90")
        }
    }
}
