import CZeroMQ

/// A failed libzmq call: the errno it reported, libzmq's text for it, and what was being done.
public struct ZMQError: Error, Sendable, CustomStringConvertible {
    /// The errno value libzmq reported (`zmq_errno()`), e.g. `EHOSTUNREACH`.
    public let errno: Int32
    /// libzmq's description of `errno` (`zmq_strerror`).
    public let message: String
    /// What the wrapper was doing, e.g. `"bind tcp://127.0.0.1:5555"`.
    public let operation: String

    public init(errno: Int32, operation: String) {
        self.errno = errno
        self.message = String(cString: zmq_strerror(errno))
        self.operation = operation
    }

    public var description: String {
        "ZeroMQ \(operation) failed: \(message) (errno \(errno))"
    }

    /// Whether the socket's context is being terminated (`ETERM`): the socket should be closed.
    public var isContextTerminated: Bool { errno == ETERM }

    /// The error libzmq just recorded for the calling thread.
    static func last(_ operation: @autoclosure () -> String) -> ZMQError {
        ZMQError(errno: zmq_errno(), operation: operation())
    }
}
