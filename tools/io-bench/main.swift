// presswork-io-bench: reader and writer throughput, each beside a baseline in the same run.
//
// usage: presswork-io-bench --pages DIR [--warc-gz F] [--warc F] [--jsonl-gz F] [--warc-zst F]
//                           [--seconds S] [--json-mb N] [--only readers|writers]
//   readers: `ScrapeInputReader` over each file, against the file's plain decompressor alone
//            (zlib `inflate`, `ZSTD_decompressStream`, `read(2)`); MB/s stored in and decoded out.
//   writers: `ShardedJSONLWriter` (16 shards, gzip and zstd at their default levels, no
//            compression for reference) fed the pages' record JSON, against the rate at which the
//            whole-record pipeline produces that JSON on one core (pages of DIR).
// Rates are MB (10^6 bytes) per second of the measuring thread's CPU time, alternate rounds of
// subject and baseline until each has run S seconds (default 5). Prints a Markdown table.
import Foundation
import Logging

var arguments = Array(CommandLine.arguments.dropFirst())[...]
var options: [String: String] = [:]
while let name = arguments.popFirst(), name.hasPrefix("--"), let value = arguments.popFirst() {
    options[String(name.dropFirst(2))] = value
}
let seconds = options["seconds"].flatMap(Double.init) ?? 5
let jsonMegabytes = options["json-mb"].flatMap(Int.init) ?? 40
let only = options["only"]
guard let pagesPath = options["pages"] else {
    FileHandle.standardError.write(
        Data(
            ("usage: presswork-io-bench --pages DIR [--warc-gz F] [--warc F] [--jsonl-gz F] [--warc-zst F] "
                + "[--seconds S] [--json-mb N] [--only readers|writers]\n").utf8))
    exit(2)
}
let logger = Logger(label: "io-bench") { _ in SwiftLogNoOpLogHandler() }

var sections: [String] = []
if only != "writers" {
    sections.append(BenchReport.readers(options: options, seconds: seconds, logger: logger))
}
if only != "readers" {
    guard
        let section = BenchReport.writers(
            pagesPath: pagesPath, seconds: seconds, jsonBytes: jsonMegabytes << 20, logger: logger)
    else {
        BenchReport.progress("no records from the pages in \(pagesPath)")
        exit(2)
    }
    sections.append(section)
}
print(sections.joined(separator: "\n\n"))
