// presswork-bench: pages per second of the pipeline on one core, pages already in memory.
//
// usage: presswork-bench FOLDER|--scrape FILE [--limit N] [--seconds S]
//                        [--stage record|line|extract|parse] [--json]
//   FOLDER   a folder of .html files, or an AEB-style folder with html/ inside
//   --scrape the first --limit (default 500) articles of a scrape (.warc, .warc.gz, .jsonl, …), read
//            into memory first: the pages a cluster benchmark runs on
//   --stage  record (default): the whole pipeline, RawArticle → ArticleRecord (decode, parse,
//            extract, enrich, record); line: the same plus the record's JSON line (what a worker
//            hands to the collector); extract: HTML main-text extraction alone (limits, decode,
//            parse, extract: `MainTextPipeline`); parse: decode and parse only
import ArticlePipeline
import BenchCorpus
import Foundation
import Logging
import ScrapeIO

var arguments = Array(CommandLine.arguments.dropFirst())[...]
var folderPath: String?
var seconds = 5.0
var stage = "record"
var json = false
var scrapePath: String?
var limit = 500
while let argument = arguments.popFirst() {
    switch argument {
    case "--scrape": scrapePath = arguments.popFirst()
    case "--limit": limit = arguments.popFirst().flatMap(Int.init) ?? limit
    case "--seconds": seconds = arguments.popFirst().flatMap(Double.init) ?? seconds
    case "--stage": stage = arguments.popFirst() ?? stage
    case "--json": json = true
    default: folderPath = argument
    }
}
guard let input = scrapePath ?? folderPath else {
    FileHandle.standardError.write(
        Data(
            ("usage: presswork-bench FOLDER|--scrape FILE [--limit N] [--seconds S] "
                + "[--stage record|line|extract|parse] [--json]\n").utf8))
    exit(2)
}

/// The first `limit` articles of a scrape, bodies in memory.
func scrapeArticles(_ path: String, limit: Int) -> [RawArticle] {
    let reader = ScrapeInputReader(
        inputs: [path], logger: Logger(label: "presswork-bench") { _ in SwiftLogNoOpLogHandler() })
    var pages: [RawArticle] = []
    while pages.count < limit, let item = reader.next() {
        if case .article(let article) = item { pages.append(article) }
    }
    return pages
}

let pages = scrapePath.map { scrapeArticles($0, limit: limit) } ?? BenchCorpus.load(input)
guard !pages.isEmpty else {
    FileHandle.standardError.write(Data("no pages in \(input)\n".utf8))
    exit(2)
}
let result = BenchRun(pages: pages, stage: stage).measure(minimumSeconds: seconds)
if json {
    print(
        "{\"extractor\": \"presswork\", \"stage\": \"\(stage)\", \"pages\": \(pages.count), "
            + "\"pages_per_second\": \(result.pagesPerSecond), \"mb_per_second\": \(result.megabytesPerSecond)}"
    )
} else {
    print(
        "presswork (\(stage)): \(pages.count) pages × \(result.rounds) rounds, "
            + String(format: "%.0f pages/s, %.1f MB/s", result.pagesPerSecond, result.megabytesPerSecond))
}
