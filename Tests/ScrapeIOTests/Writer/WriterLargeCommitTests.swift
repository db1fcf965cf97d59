import Foundation
import ScrapeIO
import Testing

/// Commits larger than the writer's buffer: the gzip encoder writes whole members into the file
/// before the commit, and committed lengths must still end at member boundaries.
@Suite struct WriterLargeCommitTests {
    @Test func uncommittedMembersAreCutByRecoveryAndCommitsEndAtMemberBoundaries() throws {
        let dir = try WriterScratchDirectory()
        // ~80-byte records: 10 fit the buffer, 300 fill it about six times.
        let settings = WriterFixtures.settings(shards: 1, bufferBytes: 4096)
        do {
            let writer = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
            for n in 0..<10 { writer.append(id: "ok-\(n)", line: WriterFixtures.record("ok-\(n)")) }
            _ = try writer.commit(jobs: ["committed"])
            for n in 0..<300 { writer.append(id: "lost-\(n)", line: WriterFixtures.record("lost-\(n)")) }
        }
        let name = try #require(try dir.manifestParts().first?["temp_name"] as? String)
        let committed = try #require(try dir.manifestParts().first?["bytes"] as? Int)
        // Whole members of the lost records reached the file before any commit.
        #expect(try dir.size(name) > committed)
        #expect(try WriterFixtures.gunzip(dir.bytes(name)).members >= 5)

        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        #expect(try dir.size(name) == committed)
        let kept = try WriterFixtures.gunzip(dir.bytes(name))
        #expect(kept.members == 1)
        #expect(
            try WriterFixtures.lines(kept.content).compactMap(WriterFixtures.id(of:))
                == (0..<10).map { "ok-\($0)" })

        var expected = (0..<10).map { "ok-\($0)" }
        var ends: [(bytes: Int, ids: Int)] = []
        for commit in 0..<3 {
            let count = [300, 1, 120][commit]
            for n in 0..<count {
                writer.append(id: "new-\(commit)-\(n)", line: WriterFixtures.record("new-\(commit)-\(n)"))
                expected.append("new-\(commit)-\(n)")
            }
            _ = try writer.commit(jobs: ["new-\(commit)"])
            let length = try #require(try dir.manifestParts().first?["bytes"] as? Int)
            ends.append((length, expected.count))
        }
        let bytes = try dir.bytes(name)
        let entry = try #require(try dir.manifestParts().first)
        #expect(entry["bytes"] as? Int == bytes.count)
        #expect(WriterFixtures.crc32Of(bytes) == entry["crc32"] as? UInt32)
        for end in ends {
            let prefix = try WriterFixtures.gunzip(Array(bytes[0..<end.bytes]))
            #expect(
                try WriterFixtures.lines(prefix.content).compactMap(WriterFixtures.id(of:))
                    == Array(expected[0..<end.ids]))
        }
        // One member for the first commit, several for the 300 records, one for the single one.
        #expect(try WriterFixtures.gunzip(bytes).members >= 8)
        try writer.finish()
    }
}
