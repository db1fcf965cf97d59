import ArticlePipeline
import Foundation
import ScrapeIO
import Testing

/// The exact file names and manifest content the output directory promises.
@Suite struct WriterDirectoryContractTests {
    @Test(arguments: [4, 16])
    func finishedDirectoryHasExactlyTheContractFiles(shards: Int) throws {
        let dir = try WriterScratchDirectory()
        var settings = WriterFixtures.settings(shards: shards)
        settings.fsync = true  // the one test that takes the durable path end to end
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        for n in 0..<200 { writer.append(id: "rec-\(n)", line: WriterFixtures.record("rec-\(n)")) }
        _ = try writer.commit(jobs: ["job-1"])
        try writer.finish(extra: ["run": "contract"])

        let width = String(format: "%05d", shards)
        var expected = (0..<shards).map { String(format: "shard-%05d-of-", $0) + width + ".jsonl.gz" }
        expected += ["_SUCCESS", "_manifest.json", "dead-letter.jsonl.gz"]
        #expect(try dir.names() == expected.sorted())
        #expect(try dir.names().allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func openPartsAreHiddenUntilFinish() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(shards: 4),
            logger: WriterFixtures.quietLogger)
        let id = "only-one"
        let shard = ShardedJSONLWriter.shardIndex(forID: id, shards: 4)
        writer.append(id: id, line: WriterFixtures.record(id))
        writer.appendDeadLetter(line: WriterFixtures.deadLetter("dl"))
        _ = try writer.commit(jobs: ["j"])

        let name = String(format: "shard-%05d-of-00004.jsonl.gz", shard)
        #expect(
            try dir.names()
                == ["." + name + ".part", ".dead-letter.jsonl.gz.part", "_manifest.json"].sorted())
        let parts = try dir.manifestParts()
        #expect(parts.map { $0["name"] as? String } == [name, "dead-letter.jsonl.gz"])
        #expect(
            parts.map { $0["temp_name"] as? String } == ["." + name + ".part", ".dead-letter.jsonl.gz.part"])
        #expect(parts.allSatisfy { $0["sealed"] as? Bool == false })
    }

    @Test func manifestDescribesEveryFileExactly() throws {
        let dir = try WriterScratchDirectory()
        var settings = WriterFixtures.settings(shards: 4, compression: .zstd)
        settings.level = 5
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        for batch in 0..<3 {
            for n in 0..<50 {
                writer.append(id: "r\(batch)-\(n)", line: WriterFixtures.record("r\(batch)-\(n)"))
            }
            writer.appendDeadLetter(line: WriterFixtures.deadLetter("dead-\(batch)"))
            _ = try writer.commit(jobs: ["job-\(2 - batch)", "job-x"])
        }
        try writer.finish()

        let manifest = try dir.manifest()
        #expect(manifest["format"] as? String == "presswork-shards")
        let format = try #require(manifest["settings"] as? [String: Any])
        #expect(format["shards"] as? Int == 4)
        #expect(format["compression"] as? String == "zstd")
        #expect(format["level"] as? Int == 5)
        #expect(manifest["jobs"] as? [String] == ["job-0", "job-1", "job-2", "job-x"])

        var records = 0
        var failures = 0
        var stored = 0
        for part in try dir.manifestParts() {
            let name = try #require(part["name"] as? String)
            let bytes = try dir.bytes(name)
            let lines = try WriterFixtures.lines(WriterFixtures.decode(bytes, .zstd))
            #expect(part["records"] as? Int == lines.count, "\(name)")
            #expect(part["bytes"] as? Int == bytes.count, "\(name)")
            #expect(part["crc32"] as? UInt32 == WriterFixtures.crc32Of(bytes), "\(name)")
            #expect(part["sealed"] as? Bool == true)
            if part["kind"] as? String == "dead-letter" {
                failures += lines.count
            } else {
                records += lines.count
            }
            stored += bytes.count
        }
        #expect(records == 150)
        #expect(failures == 3)
        let totals = try #require(manifest["totals"] as? [String: Any])
        #expect(totals["records"] as? Int == records)
        #expect(totals["failures"] as? Int == failures)
        #expect(totals["stored_bytes"] as? Int == stored)
        #expect(totals["committed_jobs"] as? Int == 4)
        #expect(writer.stats.storedBytes == Int64(stored))
        #expect(writer.stats.files == 5)
    }

    @Test func rotationSealsPartsAndContinuesInNumberedParts() throws {
        let dir = try WriterScratchDirectory()
        let settings = WriterFixtures.settings(shards: 1, compression: .none, rotateBytes: 100)
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        for commit in 0..<3 {
            for n in 0..<3 {
                writer.append(id: "c\(commit)-\(n)", line: WriterFixtures.record("c\(commit)-\(n)"))
            }
            writer.appendDeadLetter(line: WriterFixtures.deadLetter("d\(commit)"))
            _ = try writer.commit(jobs: ["job-\(commit)"])
        }
        // Each commit took the record shard past 100 bytes (3 lines, 264 bytes), so each sealed
        // its part; the dead-letter shard (72 bytes a commit) passed it only at the second commit.
        #expect(
            try dir.names() == [
                ".dead-letter-p0001.jsonl.part", "_manifest.json", "dead-letter.jsonl",
                "shard-00000-of-00001-p0001.jsonl", "shard-00000-of-00001-p0002.jsonl",
                "shard-00000-of-00001.jsonl",
            ])
        let sealed = try dir.manifestParts().map { "\($0["name"] ?? "")=\($0["sealed"] as? Bool ?? false)" }
        #expect(
            sealed == [
                "shard-00000-of-00001.jsonl=true", "shard-00000-of-00001-p0001.jsonl=true",
                "shard-00000-of-00001-p0002.jsonl=true", "dead-letter.jsonl=true",
                "dead-letter-p0001.jsonl=false",
            ])
        let second = try WriterFixtures.lines(dir.bytes("shard-00000-of-00001-p0001.jsonl"))
        #expect(second.compactMap(WriterFixtures.id(of:)) == ["c1-0", "c1-1", "c1-2"])

        writer.append(id: "late", line: WriterFixtures.record("late"))
        try writer.finish()
        #expect(try dir.names().contains("shard-00000-of-00001-p0003.jsonl"))
        #expect(try dir.names().contains("dead-letter-p0001.jsonl"))
        // Slots that already have files get no extra empty part at finish.
        #expect(try !dir.names().contains("dead-letter-p0002.jsonl"))
        #expect(try dir.names().allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func successMarkerCarriesTotalsAndExtra() throws {
        let dir = try WriterScratchDirectory()
        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: WriterFixtures.settings(), logger: WriterFixtures.quietLogger)
        for n in 0..<10 { writer.append(id: "\(n)", line: WriterFixtures.record("\(n)")) }
        writer.appendDeadLetter(line: WriterFixtures.deadLetter("x"))
        _ = try writer.commit(jobs: ["a", "b"])
        #expect(try !dir.names().contains("_SUCCESS"))
        try writer.finish(extra: ["inputCount": "3", "host": "test"])

        let success = try JSONSerialization.jsonObject(with: Data(dir.bytes("_SUCCESS"))) as? [String: Any]
        #expect(success?["records"] as? Int == 10)
        #expect(success?["failures"] as? Int == 1)
        #expect(success?["committed_jobs"] as? Int == 2)
        #expect(success?["files"] as? Int == 5)
        #expect(success?["extra"] as? [String: String] == ["inputCount": "3", "host": "test"])
    }

    @Test func shardIndexFollowsTheStableHash() {
        #expect(ShardedJSONLWriter.shardIndex(forID: "abc", shards: 1) == 0)
        for id in ["a", "https://example.com/news/1", "é"] {
            #expect(
                ShardedJSONLWriter.shardIndex(forID: id, shards: 16)
                    == Int(StableID.hash64(Array(id.utf8)) % 16))
        }
        let counts = (0..<4000).reduce(into: [Int](repeating: 0, count: 16)) { counts, n in
            counts[ShardedJSONLWriter.shardIndex(forID: "id-\(n)", shards: 16)] += 1
        }
        // 250 expected per shard; a sound hash keeps every shard well inside this band.
        #expect(counts.allSatisfy { (150...350).contains($0) })
    }
}
