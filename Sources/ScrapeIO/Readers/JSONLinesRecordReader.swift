import ArticlePipeline
import Foundation

/// Reads JSON Lines (one object per line) and yields an article per line that has a body field.
///
/// Lines are split on raw bytes, never on Strings, and a line longer than `maxRecordBytes` is
/// streamed past up to its newline and reported, so one huge line cannot exhaust memory. Field names
/// come from `ReaderSettings`; the first field present with a usable value wins. Bodies are JSON
/// strings, so their bytes are UTF-8 whatever the page originally used: `charset` is always `utf-8`.
final class JSONLinesRecordReader: ScrapeFormatReader {
    private let input: DecodedInputBuffer
    private let path: String
    private let context: ScrapeReadContext
    private var lineNumber = 0
    private var done = false

    init(input: DecodedInputBuffer, path: String, context: ScrapeReadContext) {
        self.input = input
        self.path = path
        self.context = context
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
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            let valid = String(validating: line, as: UTF8.self) != nil
            return context.failure(source, valid ? "invalid JSON" : "invalid UTF-8 in JSON line")
        }
        guard let object = parsed as? [String: Any] else {
            return context.failure(source, "JSON line is not an object")
        }
        let settings = context.settings
        guard let body = Self.firstString(in: object, settings.bodyFields) else {
            let names = settings.bodyFields.joined(separator: ", ")
            return context.failure(source, "no body field (looked for \(names))")
        }
        let url = Self.firstString(in: object, settings.urlFields).flatMap { $0.isEmpty ? nil : $0 }
        let id = Self.firstScalar(in: object, settings.idFields).flatMap { $0.isEmpty ? nil : $0 }
        let article = RawArticle(
            id: id, url: url, body: Array(body.utf8),
            contentType: Self.firstString(in: object, settings.contentTypeFields), charset: "utf-8",
            fetchedAt: Self.firstScalar(in: object, settings.fetchedAtFields), source: source)
        return .article(article)
    }

    private static func firstString(in object: [String: Any], _ names: [String]) -> String? {
        for name in names {
            if let value = object[name] as? String { return value }
        }
        return nil
    }

    /// A string, or a number in its JSON spelling (booleans do not count).
    private static func firstScalar(in object: [String: Any], _ names: [String]) -> String? {
        for name in names {
            if let value = object[name] as? String { return value }
            if let number = object[name] as? NSNumber, isNumeric(number) {
                return number.stringValue
            }
        }
        return nil
    }

    /// Foundation bridges JSON `true` to NSNumber; its type encoding ("c") tells it from a number.
    private static func isNumeric(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) != "c"
    }
}
