import ArticlePipeline
import Foundation

/// Reads JSON Lines (one object per line) and yields an article per line that has a body field.
///
/// Lines are split on raw bytes, never on Strings, and a line longer than `maxRecordBytes` is
/// streamed past up to its newline and reported, so one huge line cannot exhaust memory. Field names
/// come from `ReaderSettings`; the first field present with a usable value wins. Bodies are JSON
/// strings, so their bytes are UTF-8 whatever the page originally used: `charset` is always `utf-8`.
///
/// Each line is validated and its wanted fields located in one pass by `JSONLineScanner`; only the
/// values used are decoded (the body straight into its byte array), the rest are walked over.
final class JSONLinesRecordReader: ScrapeFormatReader {
    private let input: DecodedInputBuffer
    private let path: String
    private let context: ScrapeReadContext
    private let fields: JSONLineFieldPositions
    private let scanner: JSONLineScanner
    private var lineNumber = 0
    private var done = false

    init(input: DecodedInputBuffer, path: String, context: ScrapeReadContext) {
        self.input = input
        self.path = path
        self.context = context
        fields = JSONLineFieldPositions(context.settings)
        scanner = JSONLineScanner(fieldNames: fields.names)
    }

    func next() -> ScrapeItem? {
        while !done {
            if let item = readLine() { return item }
        }
        return nil
    }

    /// Reads one line; nil when it yielded nothing (blank line, silent break) and the caller goes on.
    private func readLine() -> ScrapeItem? {
        var searchFrom = 0
        while true {
            let window = input.window
            if let newline = ByteSearch.firstIndex(of: 0x0a, in: window, from: searchFrom) {
                lineNumber += 1
                let item =
                    newline > context.settings.maxRecordBytes
                    ? context.failure(
                        SourceLocation(path: path, line: lineNumber), context.tooLargeReason(newline))
                    : item(line: UnsafeRawBufferPointer(rebasing: window[..<newline]))
                input.consume(newline + 1)
                return item
            }
            searchFrom = window.count
            if window.count > context.settings.maxRecordBytes {
                lineNumber += 1
                let source = SourceLocation(path: path, line: lineNumber)
                return skipRestOfLine() ?? context.failure(source, context.tooLargeReason(nil))
            }
            switch input.fillMore() {
            case .ready:
                continue
            case .end:
                done = true
                // Re-read the window: asking for more may have moved the buffer.
                guard input.available > 0 else { return nil }
                lineNumber += 1
                let item = item(line: input.window)
                input.dropBuffered()
                return item
            case let broken:
                return interrupted(broken)
            }
        }
    }

    /// Streams past the rest of an over-long line; a failure item if the input broke meanwhile.
    private func skipRestOfLine() -> ScrapeItem? {
        while true {
            if let newline = ByteSearch.firstIndex(of: 0x0a, in: input.window) {
                input.consume(newline + 1)
                return nil
            }
            input.dropBuffered()
            switch input.fillMore() {
            case .ready: continue
            case .end:
                done = true
                return nil
            case let broken: return interrupted(broken)
            }
        }
    }

    /// After a damaged member the line count is unknown, so the failure points at the member offset.
    private func interrupted(_ outcome: DecodedFill) -> ScrapeItem? {
        input.dropBuffered()
        guard case .damaged(let offset, let reason) = outcome else { return nil }
        return context.failure(SourceLocation(path: path, offset: offset), reason)
    }

    private func item(line rawLine: UnsafeRawBufferPointer) -> ScrapeItem? {
        var line = rawLine
        if line.last == 0x0d { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
        let source = SourceLocation(path: path, line: lineNumber)
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
            context.skip("blank line")
            return nil
        }
        do {
            try scanner.scan(line)
        } catch .notAnObject {
            return context.failure(source, "JSON line is not an object")
        } catch {
            let valid = String(validating: line, as: UTF8.self) != nil
            return context.failure(source, valid ? "invalid JSON" : "invalid UTF-8 in JSON line")
        }
        guard let body = firstBytes(fields.body) else {
            let names = context.settings.bodyFields.joined(separator: ", ")
            return context.failure(source, "no body field (looked for \(names))")
        }
        let url = firstString(fields.url).flatMap { $0.isEmpty ? nil : $0 }
        let id = firstScalar(fields.id, line).flatMap { $0.isEmpty ? nil : $0 }
        let article = RawArticle(
            id: id, url: url, body: body, contentType: firstString(fields.contentType),
            charset: "utf-8", fetchedAt: firstScalar(fields.fetchedAt, line), source: source)
        return .article(article)
    }

    /// The first of `positions` whose value is a string, decoded.
    private func firstBytes(_ positions: Range<Int>) -> [UInt8]? {
        for position in positions {
            if case .string(let range) = scanner.values[position] { return scanner.bytes(range) }
        }
        return nil
    }

    private func firstString(_ positions: Range<Int>) -> String? {
        for position in positions {
            if case .string(let range) = scanner.values[position] { return scanner.string(range) }
        }
        return nil
    }

    /// A string, or a number in the spelling `NSNumber.stringValue` gives it (booleans do not count).
    private func firstScalar(_ positions: Range<Int>, _ line: UnsafeRawBufferPointer) -> String? {
        for position in positions {
            switch scanner.values[position] {
            case .string(let range): return scanner.string(range)
            case .number(let range): return Self.numberText(UnsafeRawBufferPointer(rebasing: line[range]))
            default: continue
            }
        }
        return nil
    }

    /// Plain integers of up to 18 digits are spelled as written (Foundation turns `-0` into `0`);
    /// anything else (fractions, exponents, huge values) goes through Foundation, so ids keep
    /// exactly the text they had when lines were read with `JSONSerialization`.
    static func numberText(_ number: UnsafeRawBufferPointer) -> String? {
        let digits = number.first == 0x2d ? number.count - 1 : number.count
        if digits <= 18, number.allSatisfy({ $0 == 0x2d || ($0 >= 0x30 && $0 <= 0x39) }) {
            return number.elementsEqual("-0".utf8) ? "0" : String(decoding: number, as: UTF8.self)
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(number), options: [.fragmentsAllowed])
        return (parsed as? NSNumber)?.stringValue
    }
}

/// Where each settings list's names sit in the scanner's list of wanted names.
private struct JSONLineFieldPositions {
    let url: Range<Int>
    let body: Range<Int>
    let id: Range<Int>
    let fetchedAt: Range<Int>
    let contentType: Range<Int>
    let names: [String]

    init(_ settings: ReaderSettings) {
        var names: [String] = []
        func add(_ list: [String]) -> Range<Int> {
            names += list
            return (names.count - list.count)..<names.count
        }
        url = add(settings.urlFields)
        body = add(settings.bodyFields)
        id = add(settings.idFields)
        fetchedAt = add(settings.fetchedAtFields)
        contentType = add(settings.contentTypeFields)
        self.names = names
    }
}
