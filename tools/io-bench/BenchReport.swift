import ArticlePipeline
import BenchCorpus
import Foundation
import Logging
import ScrapeIO

/// The Markdown sections the benchmark prints: one per side (readers, writer).
enum BenchReport {
    static let readerInputs:
        [(option: String, label: String, codec: ReaderBench.Codec, plainName: String, references: Bool)] = [
            ("warc-gz", "`.warc.gz` (one member per record)", .gzip, "zlib `inflate` alone", false),
            (
                "warc-gz", "`.warc.gz`, references (headers only; workers inflate the members)", .gzip,
                "zlib `inflate` alone", true
            ),
            ("warc", "`.warc`", .none, "`read(2)` alone", false),
            (
                "warc", "`.warc`, references (headers only, payloads sought past)", .none, "`read(2)` alone",
                true
            ),
            ("jsonl-gz", "`.jsonl.gz` (one gzip stream)", .gzip, "zlib `inflate` alone", false),
            ("warc-zst", "`.warc.zst`", .zstd, "`ZSTD_decompressStream` alone", false),
        ]

    /// Every input named in `options` read by `ScrapeInputReader` beside its plain decompressor.
    static func readers(options: [String: String], seconds: Double, logger: Logger) -> String {
        var rows: [String] = []
        for input in readerInputs {
            guard let path = options[input.option] else { continue }
            progress("reader: \(path)")
            let bench = ReaderBench(
                path: path, codec: input.codec, references: input.references, logger: logger)
            let size = bench.plainDecode()
            let (reader, plain) = alternate(
                seconds: seconds, subject: { bench.readAll(plain: size.plain) }, baseline: bench.plainDecode)
            let sizes =
                input.codec == .none
                ? megabytes(size.stored) : "\(megabytes(size.stored)) → \(megabytes(size.plain))"
            rows.append(
                "| \(input.label) | \(sizes) | \(rate(reader.storedRate)) | \(rate(reader.plainRate)) | "
                    + "\(input.plainName): \(rate(plain.storedRate)) / \(rate(plain.plainRate)) | "
                    + String(format: "%.2f", reader.storedRate / plain.storedRate) + " |")
        }
        return """
            Readers: `ScrapeInputReader` over the whole file (decompress, parse WARC and HTTP or JSON,
            hand out articles; with references, decode only header blocks and hand out byte ranges, as
            the coordinator of `presswork run` does) against the file's plain decompressor alone; MB/s
            per core (thread CPU time; "out" counts the decoded size of the whole file either way).
            Target: ≥ 300 MB/s of WARC.gz per core.

            | input | stored → decoded | reader MB/s in | reader MB/s out | baseline MB/s in / out | reader ÷ baseline (in) |
            | --- | --- | --- | --- | --- | --- |
            \(rows.joined(separator: "\n"))
            """
    }

    /// `ShardedJSONLWriter` per compression beside the pipeline's JSON rate; nil without records.
    static func writers(pagesPath: String, seconds: Double, jsonBytes: Int, logger: Logger) -> String? {
        progress("pipeline: \(pagesPath)")
        let production = JSONProduction(pages: BenchCorpus.load(pagesPath))
        let lines = production.lines()
        guard !lines.isEmpty else { return nil }
        let scratch = NSTemporaryDirectory() + "presswork-io-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var rows: [String] = []
        for compression in [OutputCompression.gzip, .zstd, .none] {
            progress("writer: \(compression)")
            let writer = WriterBench(
                lines: lines, compression: compression, directory: scratch + "/out", jsonBytes: jsonBytes,
                logger: logger)
            let (written, pipeline) = alternate(
                seconds: seconds, subject: writer.round, baseline: production.round,
                between: writer.removeOutput)
            let level = compression.defaultLevel.map { " level \($0) (default)" } ?? " (no compression)"
            let pagesPerSecond = Double(pipeline.rounds * production.pages.count) / pipeline.cpuSeconds
            rows.append(
                "| \(compression.rawValue)\(level) | \(rate(written.plainRate)) | "
                    + String(format: "%.3f", Double(written.counts.stored) / Double(written.counts.plain))
                    + " | \(rate(pipeline.plainRate)) (" + String(format: "%.0f", pagesPerSecond)
                    + " pages/s) | "
                    + String(format: "%.1f×", written.plainRate / pipeline.plainRate) + " |")
        }
        let average = lines.reduce(0) { $0 + $1.count } / lines.count
        return """
            Writer: `ShardedJSONLWriter`, 16 shards, a commit every \(WriterBench.commitEvery) records, fsync
            off (CPU only), fed the record JSON of \(lines.count) pages (\(average) bytes a record on average);
            baseline: `Pipeline.process` + `RecordJSON.encode` on the same pages, one core. Target:
            compression ≥ 3× the pipeline's JSON rate.

            | writer | JSON in MB/s | stored ÷ JSON | pipeline JSON out MB/s (same run) | writer ÷ pipeline |
            | --- | --- | --- | --- | --- |
            \(rows.joined(separator: "\n"))
            """
    }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MB", Double(bytes) / 1e6)
    }

    static func rate(_ value: Double) -> String {
        String(format: value >= 100 ? "%.0f" : "%.1f", value)
    }
}
