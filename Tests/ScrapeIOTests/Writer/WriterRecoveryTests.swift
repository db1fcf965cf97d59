import Foundation
import ScrapeIO
import Testing

/// A run killed at any moment leaves a directory the next writer repairs.
///
/// The crash states are built directly: a writer that is dropped without a commit leaves what a
/// killed process leaves (bytes past the committed length), and the other leftovers are made by
/// hand. A real SIGKILL test runs through the `presswork` binary.
@Suite struct WriterRecoveryTests {
    @Test(arguments: OutputCompression.allCases)
    func recoveryCutsUncommittedBytesAndRemovesStrays(compression: OutputCompression) throws {
        let dir = try WriterScratchDirectory()
        let settings = WriterFixtures.settings(shards: 2, compression: compression, bufferBytes: 256)
        let suffix = ".jsonl" + compression.fileSuffix
        do {
            let writer = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
            for n in 0..<40 { writer.append(id: "ok-\(n)", line: WriterFixtures.record("ok-\(n)")) }
            writer.appendDeadLetter(line: WriterFixtures.deadLetter("ok-dead"))
            _ = try writer.commit(jobs: ["committed"])
            for n in 0..<100 { writer.append(id: "lost-\(n)", line: WriterFixtures.record("lost-\(n)")) }
            writer.appendDeadLetter(line: WriterFixtures.deadLetter("lost-dead"))
        }
        let committed = try dir.manifestParts()
        let openNames = committed.compactMap { $0["temp_name"] as? String }
        #expect(openNames.count == 3)
        // A half-written member at the end of every open part (zstd may still hold the lost lines
        // in its own buffer), and leftovers of other interrupted steps.
        for name in openNames { try dir.append(name, [0x1F, 0x8B, 0x08, 0x00, 0x28, 0xB5, 0x2F, 0xFD]) }
        try dir.write(".shard-00001-of-00002-p0004\(suffix).part", Array("stray".utf8))
        try dir.write("._manifest.json.tmp", Array(#"{"format": "presswork-sh"#.utf8))
        try dir.write("._SUCCESS.tmp", [])
        try dir.write("shard-00001-of-00002-p0009\(suffix)", [])
        for part in committed {
            let name = try #require(part["temp_name"] as? String)
            let committedBytes = try #require(
                part["bytes"] as? Int, "the manifest gives \(name)'s committed bytes")
            #expect(try dir.size(name) > committedBytes, "\(name) holds uncommitted bytes")
        }

        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        #expect(try dir.names() == (openNames + ["_manifest.json"]).sorted())
        #expect(try dir.manifestParts().map { $0["bytes"] as? Int } == committed.map { $0["bytes"] as? Int })
        var ids: [String] = []
        for part in committed {
            let name = try #require(part["temp_name"] as? String)
            #expect(try dir.size(name) == part["bytes"] as? Int)
            #expect(WriterFixtures.crc32Of(try dir.bytes(name)) == part["crc32"] as? UInt32)
            ids += try WriterFixtures.lines(WriterFixtures.decode(dir.bytes(name), compression))
                .compactMap(WriterFixtures.id(of:))
        }
        #expect(Set(ids) == Set((0..<40).map { "ok-\($0)" } + ["ok-dead"]))
        #expect(writer.committedJobs == ["committed"])

        for n in 0..<10 { writer.append(id: "new-\(n)", line: WriterFixtures.record("new-\(n)")) }
        _ = try writer.commit(jobs: ["after-restart"])
        try writer.finish()
        ids = []
        for name in try dir.names() where name.hasSuffix(suffix) {
            ids += try WriterFixtures.lines(WriterFixtures.decode(dir.bytes(name), compression))
                .compactMap(WriterFixtures.id(of:))
        }
        #expect(ids.count == 51)
        #expect(Set(ids) == Set((0..<40).map { "ok-\($0)" } + (0..<10).map { "new-\($0)" } + ["ok-dead"]))
        #expect(writer.stats.records == 50)
        #expect(writer.stats.committedJobs == 2)
    }

    @Test func anInterruptedSealIsCompleted() throws {
        let dir = try WriterScratchDirectory()
        let settings = WriterFixtures.settings(shards: 1, compression: .none)
        do {
            let writer = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
            writer.append(id: "sealed", line: WriterFixtures.record("sealed"))
            _ = try writer.commit(jobs: ["j"])
        }
        // Killed between the rename of the part and the manifest that calls it sealed.
        try FileManager.default.moveItem(
            atPath: dir.file(".shard-00000-of-00001.jsonl.part"),
            toPath: dir.file("shard-00000-of-00001.jsonl"))

        let writer = try ShardedJSONLWriter(
            directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        let part = try #require(try dir.manifestParts().first)
        #expect(part["sealed"] as? Bool == true)
        writer.append(id: "next", line: WriterFixtures.record("next"))
        _ = try writer.commit(jobs: [])
        #expect(try dir.names().contains(".shard-00000-of-00001-p0001.jsonl.part"))
        let first = try WriterFixtures.lines(dir.bytes("shard-00000-of-00001.jsonl"))
        #expect(first.compactMap(WriterFixtures.id(of:)) == ["sealed"])
    }

    @Test func missingCommittedBytesAreAnError() throws {
        let dir = try WriterScratchDirectory()
        let settings = WriterFixtures.settings(shards: 1, compression: .none)
        do {
            let writer = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
            for n in 0..<5 { writer.append(id: "\(n)", line: WriterFixtures.record("\(n)")) }
            _ = try writer.commit(jobs: [])
        }
        let name = ".shard-00000-of-00001.jsonl.part"
        try dir.write(name, Array(try dir.bytes(name).prefix(10)))
        let error = #expect(throws: OutputError.self) {
            _ = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        }
        #expect(error?.path.hasSuffix(name) == true)
        #expect(try dir.size(name) == 10, "nothing is repaired when committed data is gone")
    }

    @Test func aMissingSealedPartIsAnError() throws {
        let dir = try WriterScratchDirectory()
        let settings = WriterFixtures.settings(shards: 1, compression: .none)
        do {
            let writer = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
            writer.append(id: "a", line: WriterFixtures.record("a"))
            try writer.finish()
        }
        try FileManager.default.removeItem(atPath: dir.file("shard-00000-of-00001.jsonl"))
        #expect(throws: OutputError.self) {
            _ = try ShardedJSONLWriter(
                directory: dir.path, settings: settings, logger: WriterFixtures.quietLogger)
        }
    }
}
