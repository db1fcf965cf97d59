import ArgumentParser
import ArticlePipeline
import Foundation
import ScrapeIO

/// `presswork extract`: the record(s) of one input, printed as JSON, without a cluster.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract:
            "Print the article record(s) of one input as JSON (a page, a WARC, a JSONL file, or - for stdin)."
    )

    @Argument(help: "The input file, or - for stdin.")
    var input: String

    @Flag(help: "Pretty-print each record.")
    var pretty = false

    @OptionGroup var config: ConfigOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let logger = try global.logger(label: "presswork.extract", resolver: try config.resolver())
        let reader = ScrapeInputReader(inputs: [input], settings: ReaderSettings(), logger: logger)
        let pipeline = Pipeline()
        var failures = 0
        var records = 0
        let loader = ArticleReferenceLoader()
        while let item = reader.next() {
            let line: [UInt8]
            switch loader.resolve(item) {
            case .article(let raw):
                do {
                    line = RecordJSON.encode(try pipeline.process(raw))
                    records += 1
                } catch {
                    failures += 1
                    line = RecordJSON.encode(
                        DeadLetter(
                            id: raw.id, source: raw.source.description, stage: error.stage,
                            reason: error.reason,
                            attempts: 1, url: raw.url))
                }
            case .reference, .split:
                preconditionFailure("extract reads without references or splits")
            case .failure(let failure):
                failures += 1
                line = RecordJSON.encode(
                    DeadLetter(
                        id: failure.id, source: failure.source.description, stage: "read",
                        reason: failure.reason,
                        attempts: 1))
            }
            print(pretty ? Self.prettyPrinted(line) : String(decoding: line, as: UTF8.self))
        }
        if failures > 0 {
            FileHandle.standardError.write(
                Data("presswork: \(failures) of \(records + failures) failed\n".utf8))
            throw PressworkExit.finishedWithFailures
        }
    }

    static func prettyPrinted(_ line: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: line, as: UTF8.self) }
        return String(decoding: data, as: UTF8.self)
    }
}
