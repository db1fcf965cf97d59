import Foundation
import ScrapeIO
import Testing

/// What a commit makes visible, and what stays invisible until one.
@Suite struct WriterCommitTests {
    private func openPartName(_ id: String, shards: Int = 1) -> String {
        String(
            format: ".shard-%05d-of-%05d.jsonl.gz.part",
            ShardedJSONLWriter.shardIndex(forID: id, shards: shards), shards)
    }

    @Test func uncommittedLinesAreNotInTheManifest() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 1, bufferBytes: 256),
            logger: WriterFixtures.quietLogger)
        for n in 0..<20 { writer.append(id: "a\(n)", line: WriterFixtures.record("a\(n)")) }
        let first = try writer.commit(jobs: ["job-a"])
        for n in 0..<200 { writer.append(id: "b\(n)", line: WriterFixtures.record("b\(n)")) }

        // The small buffer already pushed uncommitted bytes into the open file...
        let part = try #require(try dir.manifestParts().first)
        let committedBytes = try #require(part["bytes"] as? Int)
        #expect(committedBytes == Int(first.bytes))
        #expect(try dir.size(openPartName("x")) > committedBytes)
        // ...but the manifest and the committed prefix know only the first commit.
        #expect(part["records"] as? Int == 20)
        #expect(try dir.manifest()["jobs"] as? [String] == ["job-a"])
        let prefix = Array(try dir.bytes(openPartName("x")).prefix(committedBytes))
        let ids = try WriterFixtures.lines(WriterFixtures.decode(prefix, .gzip)).compactMap(
            WriterFixtures.id(of:))
        #expect(ids == (0..<20).map { "a\($0)" })
        #expect(writer.stats.records == 20)
        #expect(writer.committedJobs == ["job-a"])
    }

    @Test func discardPendingDropsLinesAndKeepsTheFileValid() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 1, bufferBytes: 256),
            logger: WriterFixtures.quietLogger)
        writer.append(id: "keep-1", line: WriterFixtures.record("keep-1"))
        _ = try writer.commit(jobs: ["one"])
        let before = try dir.manifest()

        for n in 0..<100 { writer.append(id: "drop\(n)", line: WriterFixtures.record("drop\(n)")) }
        writer.appendDeadLetter(line: WriterFixtures.deadLetter("drop-dead"))
        writer.discardPending()
        #expect(try writer.commit(jobs: []) == CommitSummary())
        #expect(NSDictionary(dictionary: try dir.manifest()) == NSDictionary(dictionary: before))

        writer.append(id: "keep-2", line: WriterFixtures.record("keep-2"))
        _ = try writer.commit(jobs: ["two"])
        try writer.finish()
        let ids = try WriterFixtures.lines(
            WriterFixtures.decode(dir.bytes("shard-00000-of-00001.jsonl.gz"), .gzip)
        )
        .compactMap(WriterFixtures.id(of:))
        #expect(ids == ["keep-1", "keep-2"])
        #expect(
            try WriterFixtures.lines(WriterFixtures.decode(dir.bytes("dead-letter.jsonl.gz"), .gzip)).isEmpty)
    }

    @Test func summaryCountsNewJobsRecordsAndBytes() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 2),
            logger: WriterFixtures.quietLogger)
        for n in 0..<7 { writer.append(id: "\(n)", line: WriterFixtures.record("\(n)")) }
        writer.appendDeadLetter(line: WriterFixtures.deadLetter("d"))
        let first = try writer.commit(jobs: ["j1", "j2", "j1"])
        #expect(first.jobs == 2)
        #expect(first.records == 7)
        #expect(first.failures == 1)
        #expect(first.bytes == writer.stats.storedBytes)
        #expect(first.bytes > 0)

        // A job committed again adds nothing; a commit with only job ids still records them.
        let second = try writer.commit(jobs: ["j2", "j3"])
        #expect(second == CommitSummary(jobs: 1, records: 0, failures: 0, bytes: 0))
        #expect(writer.committedJobs == ["j1", "j2", "j3"])
        #expect(try dir.manifest()["jobs"] as? [String] == ["j1", "j2", "j3"])
        #expect(
            writer.stats.rawBytes
                == Int64(
                    (0..<7).map { WriterFixtures.record("\($0)").count + 1 }.reduce(0, +)
                        + WriterFixtures.deadLetter("d").count + 1))
    }

    @Test func aFinishedWriterRefusesCommits() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 1),
            logger: WriterFixtures.quietLogger)
        try writer.finish()
        #expect(throws: OutputError.self) { try writer.commit(jobs: ["late"]) }
    }
}

/// Job ids stay sorted whether a commit adds a few (inserted) or many (merged).
@Suite struct CommittedJobOrderTests {
    @Test(arguments: [1, 5, 200])
    func jobIdsStaySortedAndDistinct(perCommit: Int) throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 1),
            logger: WriterFixtures.quietLogger)
        var all: Set<String> = []
        for commit in 0..<4 {
            let jobs = (0..<perCommit).map { "job-\(($0 * 7919 + commit * 104_729) % 100_003)" }
            all.formUnion(jobs)
            _ = try writer.commit(jobs: jobs + jobs.prefix(2))
        }
        #expect(try dir.manifest()["jobs"] as? [String] == all.sorted())
        #expect(writer.committedJobs == all)
    }
}
