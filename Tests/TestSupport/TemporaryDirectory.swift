import Foundation

/// A fresh folder under the system temporary directory, removed with everything in it when the
/// value goes away.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    /// A new folder named `PREFIX-UUID`.
    public init(prefix: String = "presswork-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The folder's path.
    public var location: String { url.path }

    /// A path inside the folder (not created).
    public func path(_ name: String) -> URL { url.appendingPathComponent(name) }

    deinit { try? FileManager.default.removeItem(at: url) }
}
