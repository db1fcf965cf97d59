// presswork-eval: the extraction evaluator (AEB and WCXB layouts) (see EvalOptions.usage).
import ArticlePipeline
import Foundation

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

let options: EvalOptions
do {
    options = try EvalOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    fail(error.message)
}

/// Prints `object` as pretty JSON.
func printJSON(_ object: [String: Any]) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

/// Fails (exit 1) when a score is below its floor in `floorFile`.
func checkFloor(_ floorFile: String?, scores: [String: [String: Double]]) throws {
    guard let floorFile else { return }
    let failures = try QualityFloor(file: URL(fileURLWithPath: floorFile)).violations(in: scores)
    for failure in failures { FileHandle.standardError.write(Data("below the floor: \(failure)\n".utf8)) }
    if !failures.isEmpty { exit(1) }
    print("quality floor \(floorFile): met")
}

let folderURL = URL(fileURLWithPath: options.folder)
if WCXBCorpus.isWCXB(folderURL) {
    do {
        let corpus = WCXBCorpus(folder: folderURL)
        if options.quotesGoldGiven {
            var misses: [String] = []
            let goldFile = URL(fileURLWithPath: options.quotesGold)
            let summary = try WCXBQuoteGoldEvaluation(corpus: corpus, goldFile: goldFile).run(misses: &misses)
            if options.misses {
                for miss in misses { FileHandle.standardError.write(Data((miss + "\n").utf8)) }
            }
            if options.json {
                try printJSON(["scores": summary.scores, "counts": summary.countsObject()])
            } else {
                print(summary.lines(goldSet: goldFile.lastPathComponent).joined(separator: "\n"))
            }
            try checkFloor(options.floorFile, scores: summary.scores)
            exit(0)
        }
        let pages = try corpus.pages().filter { page in
            (options.half.map { page.half == $0 } ?? true)
                && (options.pageType.map { page.pageType == $0 } ?? true)
        }
        if let file = options.dumpRecordsFile {
            try RecordDump.run(corpus, pages, to: URL(fileURLWithPath: file))
            exit(0)
        }
        if let file = options.pageFeaturesFile {
            try PageFeatureExport.write(
                PageFeatureExport.pages(of: corpus, pages), to: URL(fileURLWithPath: file))
            exit(0)
        }
        let results = try WCXBEvaluation(corpus: corpus, restyle: options.restyle).run(
            pages: pages, outputFolder: options.dumpOutputFolder.map { URL(fileURLWithPath: $0) })
        let summary = WCXBSummary(results: results, worstCount: options.worst)
        if options.fieldMisses {
            for line in WCXBFieldMisses(results: results).lines() {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
        if options.json {
            try printJSON(["pages": results.count, "scores": summary.scores])
        } else {
            print(summary.text())
        }
        try checkFloor(options.floorFile, scores: summary.scores)
    } catch let error as CorpusEvaluation.LoadError {
        fail(error.description)
    } catch {
        fail("\(error)")
    }
    exit(0)
}

let evaluation = CorpusEvaluation(folder: folderURL, restyle: options.restyle)
do {
    if let file = options.pageFeaturesFile {
        try PageFeatureExport.write(PageFeatureExport.pages(of: evaluation), to: URL(fileURLWithPath: file))
        exit(0)
    }
    if let file = options.dumpRecordsFile {
        try RecordDump.run(evaluation, to: URL(fileURLWithPath: file))
        exit(0)
    }
    if let dumpFolder = options.dumpTextFolder {
        try TextDump(evaluation: evaluation, folder: URL(fileURLWithPath: dumpFolder)).run()
        exit(0)
    }
    let pipeline = Pipeline()
    let results = try evaluation.run(
        pipeline: pipeline, outputFolder: options.dumpOutputFolder.map { URL(fileURLWithPath: $0) })
    var records: RecordSummary?
    if !options.textOnly {
        let gold = GoldSetEvaluation(
            corpus: evaluation, fieldsFile: URL(fileURLWithPath: options.fieldsGold),
            quotesFile: URL(fileURLWithPath: options.quotesGold))
        var misses: [String] = []
        let fields = try gold.fields(pipeline: pipeline, misses: &misses)
        let quotes = try gold.quotes(pipeline: pipeline, misses: &misses)
        records = RecordSummary(fields: fields, onText: quotes.onText, onHTML: quotes.onHTML)
        if options.misses {
            for miss in misses { FileHandle.standardError.write(Data((miss + "\n").utf8)) }
        }
    }
    let summary = EvaluationSummary(results: results, worstCount: options.worst, records: records)
    if options.json { try printJSON(summary.jsonObject()) } else { print(summary.text()) }
    try checkFloor(options.floorFile, scores: summary.scores)
} catch let error as CorpusEvaluation.LoadError {
    fail(error.description)
} catch {
    fail("\(error)")
}
