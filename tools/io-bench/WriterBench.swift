import ArticlePipeline
import Foundation
import Logging
import ScrapeIO

/// The rate at which the whole-record pipeline produces JSON on one core: the writer's baseline.
struct JSONProduction {
    let pages: [RawArticle]
    private let pipeline = Pipeline()

    init(pages: [RawArticle]) {
        self.pages = pages
    }

    /// The record lines of every page (failures leave no line), in page order.
    func lines() -> [[UInt8]] {
        pages.compactMap { page in (try? pipeline.process(page)).map(RecordJSON.encode) }
    }

    /// One pass over the pages: `Pipeline.process` and `RecordJSON.encode`; `plain` = JSON bytes.
    func round() -> ByteCounts {
        var counts = ByteCounts()
        for page in pages {
            guard let record = try? pipeline.process(page) else { continue }
            counts.plain += RecordJSON.encode(record).count + 1
            counts.stored += page.body.count
        }
        return counts
    }
}

/// `ShardedJSONLWriter` writing record lines into a fresh directory per round, committing as the
/// collector does under load.
struct WriterBench {
    let lines: [[UInt8]]
    let compression: OutputCompression
    let directory: String
    let logger: Logger
    /// Records per round, cycling through `lines`, with unique ids.
    let ids: [String]
    /// Records per commit: about what arrives in the collector's 200 ms commit interval.
    static let commitEvery = 256

    init(lines: [[UInt8]], compression: OutputCompression, directory: String, jsonBytes: Int, logger: Logger)
    {
        self.lines = lines
        self.compression = compression
        self.directory = directory
        self.logger = logger
        let average = max(1, lines.reduce(0) { $0 + $1.count } / max(1, lines.count))
        ids = (0..<max(lines.count, jsonBytes / average)).map { "record-\($0)" }
    }

    /// One output directory written from scratch: append, commit every `commitEvery`, finish.
    /// `plain` = JSON bytes in, `stored` = bytes in the shard files. fsync is off: this measures
    /// the CPU the writer takes, not the disk.
    func round() -> ByteCounts {
        var settings = ShardSettings()
        settings.compression = compression
        settings.fsync = false
        var plain = 0
        do {
            let writer = try ShardedJSONLWriter(directory: directory, settings: settings, logger: logger)
            for (index, id) in ids.enumerated() {
                let line = lines[index % lines.count]
                writer.append(id: id, line: line)
                plain += line.count + 1
                if (index + 1) % Self.commitEvery == 0 { _ = try writer.commit(jobs: [id]) }
            }
            _ = try writer.commit(jobs: ["last"])
            try writer.finish()
            return ByteCounts(stored: Int(writer.stats.storedBytes), plain: plain)
        } catch {
            fatalError("writer failed: \(error)")
        }
    }

    func removeOutput() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
