import Foundation
import Testing

@testable import ScrapeIO

/// The hand-written manifest JSON reads back to the same manifest.
@Suite struct ShardManifestTests {
    private func sample(jobs: [String]) -> ShardManifest {
        ShardManifest(
            settings: .init(shards: 16, compression: "gzip", level: 1),
            parts: [
                .init(
                    name: "shard-00003-of-00016.jsonl.gz", tempName: ".shard-00003-of-00016.jsonl.gz.part",
                    kind: "shard", shard: 3, part: 0, bytes: 1234, records: 7, rawBytes: 4000,
                    crc32: 0xFFFF_FFFE,
                    sealed: true),
                .init(
                    name: "dead-letter-p0001.jsonl.gz", tempName: ".dead-letter-p0001.jsonl.gz.part",
                    kind: "dead-letter", shard: nil, part: 1, bytes: 20, records: 0, rawBytes: 0, crc32: 0,
                    sealed: false),
            ],
            totals: .init(
                records: 7, failures: 0, storedBytes: 1254, rawBytes: 4000, files: 2,
                committedJobs: jobs.count,
                commits: 9),
            jobs: jobs)
    }

    @Test func roundTripsThroughTheDecoder() throws {
        let jobs = ["plain", "quote\"and\\slash", "tab\tnew\nline\u{1}", "ünïcødé ✓"].sorted()
        let manifest = sample(jobs: jobs)
        let dir = try WriterScratchDirectory()
        try manifest.save(to: dir.path, sync: false)
        #expect(try ShardManifest.load(from: dir.path) == manifest)
        // Any JSON parser reads it too.
        #expect(try dir.manifest()["jobs"] as? [String] == jobs)
        #expect(try dir.names() == ["_manifest.json"])
    }

    @Test func emptyListsAreValidJSON() throws {
        var manifest = sample(jobs: [])
        manifest.parts = []
        let dir = try WriterScratchDirectory()
        try manifest.save(to: dir.path, sync: false)
        #expect(try ShardManifest.load(from: dir.path) == manifest)
    }

    @Test func aForeignManifestIsRefused() throws {
        let dir = try WriterScratchDirectory()
        try dir.write("_manifest.json", Array(#"{"format": "something-else", "version": 1}"#.utf8))
        #expect(throws: OutputError.self) { try ShardManifest.load(from: dir.path) }
    }
}
