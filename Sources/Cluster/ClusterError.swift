/// A failure that stops a role: a socket that cannot bind, an output directory that cannot be written.
public struct ClusterError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}
