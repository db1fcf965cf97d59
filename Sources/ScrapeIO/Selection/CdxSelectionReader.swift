import ArticlePipeline
import RemoteIO

/// Reads a CDX index (`--cdx`) and hands out record ranges (`FileSplit.isRecordRange`) for the
/// lines the selection admits: the worker reads exactly those gzip members, so only the selected
/// records' bytes are read. Records of one file are gathered into one range (a batch, see
/// `CdxRecordBatches`) up to `jobRecords` and `jobBytes`. Lines that are not CDX entries become
/// failures at `index:line`; entries the filters pass over are counted as skipped (`cdx filter`).
final class CdxSelectionReader: ScrapeFormatReader {
    /// A longer line is reported and skipped (CDX lines are a few hundred bytes).
    static let maxLineBytes = 64 << 10

    private let input: DecodedInputBuffer
    private let path: String
    private let context: ScrapeReadContext
    private let selection: CdxSelection
    private let pattern: Regex<AnyRegexOutput>?
    private var lineNumber = 0
    private var done = false
    private var batches: CdxRecordBatches

    init(input: DecodedInputBuffer, path: String, context: ScrapeReadContext, selection: CdxSelection) {
        self.input = input
        self.path = path
        self.context = context
        self.selection = selection
        pattern = selection.urlPattern.flatMap { try? Regex($0) }
        batches = CdxRecordBatches(
            records: selection.jobRecords, bytes: selection.jobBytes, openFiles: selection.openFiles)
    }

    func next() -> ScrapeItem? {
        while !done, let line = nextLine() {
            lineNumber += 1
            let text = String(decoding: line, as: UTF8.self)
            if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
            switch CdxEntry.parse(Substring(text)) {
            case .failure(let error):
                return context.failure(SourceLocation(path: path, line: lineNumber), error.reason)
            case .success(let entry) where !selection.admits(entry, pattern: pattern):
                context.skip("cdx filter")
            case .success(let entry):
                if let full = batches.add(Self.range(of: entry, base: selection.base)) { return .split(full) }
            }
        }
        return batches.flush().map { .split($0) }
    }

    /// The record range an entry names, its file resolved against `base`.
    static func range(of entry: CdxEntry, base: String?) -> FileSplit {
        let path = RemoteLocation.resolve(entry.filename, base: base)
        let file = RemoteLocation.isRemote(path) ? path : AbsolutePath.resolve(path)
        var split = FileSplit(
            path: path, file: file, offset: entry.offset, length: entry.length,
            fileSize: entry.offset + entry.length)
        split.isRecordRange = true
        return split
    }

    /// The next line's bytes (without its newline), or nil at the end; an over-long line is
    /// reported once and skipped.
    private func nextLine() -> [UInt8]? {
        var searched = 0
        while true {
            let window = input.window
            if let newline = window[searched...].firstIndex(of: 0x0a) {
                let line = Array(window[..<newline])
                input.consume(newline + 1)
                return line
            }
            searched = window.count
            if window.count > Self.maxLineBytes {
                input.consume(window.count)
                searched = 0
                continue
            }
            switch input.fillMore() {
            case .ready, .discontinuity:
                continue
            case .end, .damaged:
                done = true
                guard input.available > 0 else { return nil }
                let line = Array(input.window)
                input.consume(input.available)
                return line
            }
        }
    }
}
