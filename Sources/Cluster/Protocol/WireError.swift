/// A message that could not be understood: wrong protocol version, unknown kind, bad header.
public struct WireError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "protocol error: \(reason)" }
}
