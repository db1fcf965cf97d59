import Foundation

/// The files a test target keeps beside its sources (`Tests/TARGET/…`: fixtures, gold sets), found
/// from the repository root rather than from the path of whichever source file asks.
public struct TestTargetFiles: Sendable {
    /// `Tests/TARGET`.
    public let folder: URL

    public init(target: String) {
        folder = BuiltProducts.repositoryRoot.appendingPathComponent("Tests").appendingPathComponent(target)
    }

    /// The file or folder at `path` below the target's folder.
    public func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// The bytes of the file at `path`.
    public func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: url(path))) }

    /// The values of the JSON-lines file at `path` (see `JSONLines.decode`).
    public func jsonLines<Value: Decodable>(_ path: String, as type: Value.Type) throws -> [Value] {
        try JSONLines.decode(type, from: bytes(path))
    }
}
