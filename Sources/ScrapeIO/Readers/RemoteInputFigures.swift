/// What fetching one remote input took, for status.
public struct RemoteInputFigures: Sendable, Equatable {
    public var url: String
    public var bytes: UInt64
    public var requests: Int
    public var retries: Int
    public var throttled: Int
    /// Why the input was given up, when it was.
    public var error: String?
    /// False while it is being read.
    public var done: Bool
}
