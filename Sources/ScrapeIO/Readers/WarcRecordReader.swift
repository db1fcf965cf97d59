import ArticlePipeline

/// Reads WARC 1.0/1.1 records from decoded bytes and yields the HTML and text pages among them.
///
/// `response` records carry an HTTP response whose 2xx HTML, XHTML or plain-text bodies become
/// articles; `resource` records carry the document itself. Every other record type, and responses
/// with other statuses or media types, is skipped and counted. Payloads of skipped records are
/// streamed past without being buffered. After a bad header the reader resynchronises on the next
/// line that starts with `WARC/`.
final class WarcRecordReader: ScrapeFormatReader {
    /// A header block longer than this is treated as garbage rather than buffered.
    static let maxHeaderBytes = 64 << 10
    /// Bytes read at a time in reference mode, where most of the file is sought past: a WARC header
    /// block and the HTTP head after it fit in one read.
    static let sparseReadBytes = 8 << 10

    let input: DecodedInputBuffer
    private let path: String
    let context: ScrapeReadContext
    var resynchronising = false
    private var done = false
    /// The input's absolute path when articles are handed out as references (see
    /// `ReaderSettings.handsOutReferences`); nil when payloads are read.
    let referenceFile: String?

    init(input: DecodedInputBuffer, path: String, context: ScrapeReadContext) {
        self.input = input
        self.path = path
        self.context = context
        referenceFile =
            context.settings.handsOutReferences && input.seekableSize != nil
            ? AbsolutePath.resolve(path) : nil
        if referenceFile != nil { input.sparseReads = Self.sparseReadBytes }
    }

    /// The stored offset of the next gzip member when this reader has nothing of the input left
    /// in hand: the point where a reader of members (`GzipWarcReferenceReader`) can take over.
    var restingMemberBoundary: UInt64? {
        guard !resynchronising, !done else { return nil }
        return input.restingMemberBoundary
    }

    func next() -> ScrapeItem? {
        while !done {
            if let item = readRecord() { return item }
        }
        return nil
    }

    /// Reads (or skips) one record; nil when nothing was yielded and the caller should go on.
    private func readRecord() -> ScrapeItem? {
        if let stop = skipSeparators() { return stop.item }
        if resynchronising, let stop = findVersionLine() { return stop.item }
        let recordStart = input.position
        let source = SourceLocation(path: path, offset: input.sourceOffset(atDecoded: recordStart))
        guard input.window.starts(with: "WARC/".utf8) else {
            resynchronising = true
            input.consume(1)
            return context.failure(source, "bad WARC header: no WARC/1.x version line")
        }
        let headerLength: Int
        switch findHeaderEnd() {
        case .found(let length): headerLength = length
        case .stop(let item): return item
        }
        let fields = HeaderFields(block: UnsafeRawBufferPointer(rebasing: input.window[..<headerLength]))
        guard let lengthText = fields["content-length"], let length = Int(lengthText), length >= 0 else {
            resynchronising = true
            input.consume(headerLength)
            return context.failure(source, "bad WARC header: missing or invalid Content-Length")
        }
        let type = fields["warc-type"]?.lowercased() ?? ""
        guard type == "response" || type == "resource" else {
            input.consume(headerLength)
            context.skip(type.isEmpty ? "missing WARC-Type" : type)
            return skipPayload(length, source: source)
        }
        guard length <= context.settings.maxRecordBytes else {
            input.consume(headerLength)
            return skipPayload(length, source: source)
                ?? context.failure(source, context.tooLargeReason(length))
        }
        if let referenceFile,
            case .done(let item) = reference(
                file: referenceFile, type: type, fields: fields, headerLength: headerLength, length: length,
                source: source)
        {
            return item
        }
        switch input.fill(atLeast: headerLength + length) {
        case .ready:
            peekPastBlock(headerLength + length)
            guard blockEndsAfter(headerLength + length) else {
                // The bytes after the block are not a record separator: Content-Length is wrong,
                // so the payload cannot be trusted. Report it and resynchronise on the next record.
                resynchronising = true
                input.consume(headerLength)
                return context.failure(source, "WARC record does not end where its Content-Length says")
            }
            let payload = UnsafeRawBufferPointer(
                rebasing: input.window[headerLength..<(headerLength + length)])
            let item = WarcPayloadConverter(context: context).item(
                type: type, fields: fields, payload: payload, source: source)
            input.consume(headerLength + length)
            return item
        case .end:
            return cutOff(source, length: length)
        case let broken:
            return interrupted(broken)
        }
    }

    /// Decodes the few bytes after a block of `end` bytes, so that `blockEndsAfter` judges the
    /// separator itself rather than the edge of a read; a break met there is kept for the next step.
    func peekPastBlock(_ end: Int) {
        let outcome = input.fill(atLeast: end + 4)
        if outcome != .ready, outcome != .end { input.deferBreak(outcome) }
    }

    /// Whether the block of `end` bytes is followed by a record separator (two or more CR/LF
    /// bytes), judged on the bytes already decoded: no extra read, so a damaged member after the
    /// block is still reported by the next step rather than swallowed here.
    func blockEndsAfter(_ end: Int) -> Bool {
        let window = input.window
        let rest = window.count - end
        if rest <= 0 { return true }
        var index = end
        while index < window.count, index < end + 4, window[index] == 0x0d || window[index] == 0x0a {
            index += 1
        }
        if index == window.count { return true }
        if index - end >= 2 { return true }
        return false
    }

    /// What stopped a step: an item to yield (or nil to go on after a silent break).
    private struct Stop {
        var item: ScrapeItem?
    }

    private enum HeaderEnd {
        case found(Int)
        case stop(ScrapeItem?)
    }

    /// Drops the CR/LF between records; a `Stop` when the input ended or broke instead.
    private func skipSeparators() -> Stop? {
        while true {
            let window = input.window
            var index = 0
            while index < window.count, window[index] == 0x0d || window[index] == 0x0a { index += 1 }
            input.consume(index)
            if input.available >= 8 { return nil }
            let outcome = input.fill(atLeast: 8)
            if outcome == .ready { continue }
            if outcome == .end {
                if input.available == 0 {
                    done = true
                    return Stop(item: nil)
                }
                if !input.window.contains(where: { $0 != 0x0d && $0 != 0x0a }) { continue }
                return nil
            }
            return Stop(item: interrupted(outcome))
        }
    }

    /// While resynchronising: moves to the next line starting with `WARC/`, or stops at the end.
    private func findVersionLine() -> Stop? {
        while true {
            let window = input.window
            if window.starts(with: "WARC/".utf8) {
                resynchronising = false
                return nil
            }
            if let index = ByteSearch.firstIndex(of: "\nWARC/", in: window) {
                input.consume(index + 1)
                resynchronising = false
                return nil
            }
            input.consume(max(0, window.count - 6))
            switch input.fill(atLeast: 7) {
            case .ready:
                continue
            case .end:
                input.dropBuffered()
                done = true
                return Stop(item: nil)
            case let broken:
                return Stop(item: interrupted(broken))
            }
        }
    }

    /// Finds the blank line that ends the header block, decoding more as needed.
    private func findHeaderEnd() -> HeaderEnd {
        let source = SourceLocation(path: path, offset: input.sourceOffset(atDecoded: input.position))
        while true {
            let window = input.window
            let searched = UnsafeRawBufferPointer(rebasing: window[..<min(window.count, Self.maxHeaderBytes)])
            if let end = WarcRecordHead.end(in: searched) { return .found(end) }
            if window.count >= Self.maxHeaderBytes {
                resynchronising = true
                input.consume(1)
                return .stop(context.failure(source, "bad WARC header: no end within 64 KiB"))
            }
            switch input.fillMore() {
            case .ready: continue
            case .end: return .stop(cutOff(source, length: nil))
            case let broken: return .stop(interrupted(broken))
            }
        }
    }

    /// Streams past a payload we do not keep; nil when done, or the failure if it is cut off.
    private func skipPayload(_ length: Int, source: SourceLocation) -> ScrapeItem? {
        switch input.skip(UInt64(length)) {
        case .ready: return nil
        case .end: return cutOff(source, length: length)
        case let broken: return interrupted(broken)
        }
    }

    private func cutOff(_ source: SourceLocation, length: Int?) -> ScrapeItem {
        input.dropBuffered()
        done = true
        let detail =
            length.map { "Content-Length \($0) runs past the end of the input" } ?? "header incomplete"
        return context.failure(source, "WARC record cut off: \(detail)")
    }

    /// Handles a damaged member or a silent break: drop partial data, then resynchronise.
    private func interrupted(_ outcome: DecodedFill) -> ScrapeItem? {
        input.dropBuffered()
        resynchronising = true
        switch outcome {
        case .damaged(let offset, let reason):
            return context.failure(SourceLocation(path: path, offset: offset), reason)
        case .end:
            done = true
            return nil
        case .discontinuity, .ready:
            return nil
        }
    }
}
