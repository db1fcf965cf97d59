/// A failure of the sharded writer, tied to the file or directory it concerns.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    /// The file or directory involved.
    public var path: String
    /// What went wrong, in words meant for an operator.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
