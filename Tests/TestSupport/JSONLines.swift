import Foundation

/// Fixture and gold files of one JSON value a line.
public enum JSONLines {
    /// One `Value` for every non-empty line of `bytes`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> [Value] {
        let decoder = JSONDecoder()
        return try bytes.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(type, from: Data($0)) }
    }

    /// One `Value` for every non-empty line of the file at `url`.
    public static func decode<Value: Decodable>(_ type: Value.Type, contentsOf url: URL) throws -> [Value] {
        try decode(type, from: Array(try Data(contentsOf: url)))
    }
}
