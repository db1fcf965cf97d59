// presswork-bench: pages per second of the pipeline on one core, pages already in memory.
//
// usage: presswork-bench FOLDER [--seconds S] [--stage record|extract|parse] [--json]
//   FOLDER   a folder of .html files, or an AEB-style folder with html/ inside
//   --stage  record (default): the whole pipeline, RawArticle → ArticleRecord (decode, parse,
//            extract, enrich, record); extract: HTML main-text extraction alone (limits, decode,
//            parse, extract: `MainTextExtractor`); parse: decode and parse only
import ArticlePipeline
import BenchCorpus
import Foundation

var arguments = Array(CommandLine.arguments.dropFirst())[...]
var folderPath: String?
var seconds = 5.0
var stage = "record"
var json = false
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = arguments.popFirst().flatMap(Double.init) ?? seconds
    case "--stage": stage = arguments.popFirst() ?? stage
    case "--json": json = true
    default: folderPath = argument
    }
}
guard let folderPath else {
    FileHandle.standardError.write(
        Data("usage: presswork-bench FOLDER [--seconds S] [--stage record|extract|parse] [--json]\n".utf8))
    exit(2)
}

let pages = BenchCorpus.load(folderPath)
guard !pages.isEmpty else {
    FileHandle.standardError.write(Data("no .html pages in \(folderPath)\n".utf8))
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
