/// What `ZMQSocket.receiveMultipart(maxTotalBytes:maxFrames:dontWait:)` received: a whole message
/// within its budgets, or word that one was over them and has been dropped.
public enum BudgetedMessage: Sendable, Equatable {
    /// The whole message, one array per frame, within both budgets.
    case frames([[UInt8]])
    /// A message over a budget: all its frames were taken off the socket (so the next receive
    /// starts at the next message) and released without being copied.
    case oversize(OversizeMessage)

    /// The frames of a message within budget; nil for an oversize one.
    public var frames: [[UInt8]]? {
        if case .frames(let frames) = self { return frames }
        return nil
    }
}
