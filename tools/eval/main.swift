// presswork-eval: the article-extraction-benchmark evaluator (see EvalOptions.usage).
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

let evaluation = CorpusEvaluation(folder: URL(fileURLWithPath: options.folder))
do {
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
    if options.json {
        let data = try JSONSerialization.data(
            withJSONObject: summary.jsonObject(), options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    } else {
        print(summary.text())
    }
    if let floorFile = options.floorFile {
        let failures = try QualityFloor(file: URL(fileURLWithPath: floorFile)).violations(in: summary)
        for failure in failures { FileHandle.standardError.write(Data("below the floor: \(failure)\n".utf8)) }
        if !failures.isEmpty { exit(1) }
        print("quality floor \(floorFile): met")
    }
} catch let error as CorpusEvaluation.LoadError {
    fail(error.description)
} catch {
    fail("\(error)")
}
