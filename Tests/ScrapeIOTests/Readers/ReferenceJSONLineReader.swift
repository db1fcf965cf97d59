import ArticlePipeline
import Foundation
import ScrapeIO

/// What reading one line gave: an article's fields, a failure reason, or a skip.
enum JSONLineOutcome: Equatable, CustomStringConvertible {
    case article(body: [UInt8], url: String?, id: String, contentType: String?, fetchedAt: String?)
    case failure(String)
    case skipped

    init(_ item: ScrapeItem) {
        switch item {
        case .article(let article):
            self = .article(
                body: article.body, url: article.url, id: article.id, contentType: article.contentType,
                fetchedAt: article.fetchedAt)
        case .failure(let failure):
            self = .failure(failure.reason)
        case .reference(let reference):
            self = .failure("unexpected reference to \(reference.payload.file)")
        case .split(let split):
            self = .failure("unexpected split of \(split.file)")
        }
    }

    var description: String {
        switch self {
        case .article(let body, let url, let id, let contentType, let fetchedAt):
            let text = String(decoding: body.prefix(80), as: UTF8.self)
            return "article(\(text.debugDescription), url \(url ?? "nil"), id \(id), "
                + "type \(contentType ?? "nil"), fetched \(fetchedAt ?? "nil"))"
        case .failure(let reason): return "failure(\(reason))"
        case .skipped: return "skipped"
        }
    }
}

/// The JSON Lines reader as it was before the scanner: Foundation's `JSONSerialization`, then the
/// first field present with a usable value. The oracle of the differential test.
enum ReferenceJSONLineReader {
    static func outcome(_ rawLine: [UInt8], settings: ReaderSettings = .init()) -> JSONLineOutcome {
        var line = rawLine[...]
        if line.last == 0x0d { line = line.dropLast() }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return .skipped }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        else {
            let valid = String(validating: line, as: UTF8.self) != nil
            return .failure(valid ? "invalid JSON" : "invalid UTF-8 in JSON line")
        }
        guard let object = parsed as? [String: Any] else { return .failure("JSON line is not an object") }
        guard let body = firstString(in: object, settings.bodyFields) else {
            return .failure("no body field (looked for \(settings.bodyFields.joined(separator: ", ")))")
        }
        let url = firstString(in: object, settings.urlFields).flatMap { $0.isEmpty ? nil : $0 }
        let id = firstScalar(in: object, settings.idFields).flatMap { $0.isEmpty ? nil : $0 }
        let article = RawArticle(
            id: id, url: url, body: Array(body.utf8),
            contentType: firstString(in: object, settings.contentTypeFields), charset: "utf-8",
            fetchedAt: firstScalar(in: object, settings.fetchedAtFields),
            source: SourceLocation(path: "reference", line: 1))
        return JSONLineOutcome(.article(article))
    }

    /// The line as Foundation reads it, or nil when it does not.
    static func object(_ line: [UInt8]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])) as? [String: Any]
    }

    static func firstString(in object: [String: Any], _ names: [String]) -> String? {
        for name in names {
            if let value = object[name] as? String { return value }
        }
        return nil
    }

    static func firstScalar(in object: [String: Any], _ names: [String]) -> String? {
        for name in names {
            if let value = object[name] as? String { return value }
            if let number = object[name] as? NSNumber, !isBoolean(number) { return number.stringValue }
        }
        return nil
    }

    /// Foundation bridges JSON `true`/`false` to an NSNumber whose type encoding is "c".
    static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
