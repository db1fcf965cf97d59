import Foundation

/// One line of a CDX index as crawls publish them (CDXJ): `SURT TIMESTAMP {json}`, the JSON holding
/// at least `url`, `filename`, `offset` and `length` (numbers as strings or numbers), and often
/// `mime`, `mime-detected`, `status` and `languages` (ISO 639-3 codes, comma-separated).
public struct CdxEntry: Sendable, Equatable {
    public var url: String
    public var filename: String
    public var offset: UInt64
    public var length: UInt64
    public var mime: String?
    public var detectedMime: String?
    public var status: String?
    public var languages: [String]

    /// The entry of `line`, or why it is not one.
    public static func parse(_ line: Substring) -> Result<CdxEntry, CdxLineError> {
        guard let brace = line.firstIndex(of: "{") else { return .failure(.init("no JSON block")) }
        let data = Data(line[brace...].utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return .failure(.init("the JSON block does not parse"))
        }
        guard let url = object["url"] as? String, !url.isEmpty else { return .failure(.init("no url")) }
        guard let filename = object["filename"] as? String, !filename.isEmpty else {
            return .failure(.init("no filename"))
        }
        guard let offset = number(object["offset"]), let length = number(object["length"]), length > 0 else {
            return .failure(.init("no valid offset and length"))
        }
        guard offset <= UInt64(Int64.max) - length else {
            return .failure(.init("offset and length overflow"))
        }
        let languages = (object["languages"] as? String)?.split(separator: ",").map(String.init) ?? []
        return .success(
            CdxEntry(
                url: url, filename: filename, offset: offset, length: length, mime: object["mime"] as? String,
                detectedMime: object["mime-detected"] as? String, status: text(object["status"]),
                languages: languages))
    }

    private static func number(_ value: Any?) -> UInt64? {
        if let text = value as? String { return UInt64(text) }
        if let number = value as? NSNumber, number.int64Value >= 0 { return UInt64(number.int64Value) }
        return nil
    }

    private static func text(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        return (value as? NSNumber).map { "\($0.intValue)" }
    }
}
