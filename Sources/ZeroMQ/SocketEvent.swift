import CZeroMQ

/// One event a monitored socket reports (`zmq_socket_monitor`, libzmq's version-1 format): what
/// happened, the number libzmq attaches to it and the endpoint it concerns.
///
/// For `accepted`, `disconnected` and `closed` the number is the connection's file descriptor.
/// Events of one monitored socket arrive in the order they happened (libzmq sends them under one
/// lock), so a descriptor's `disconnected` always comes before an `accepted` that reuses it.
public struct SocketEvent: Sendable, Equatable {
    /// Kinds of event, as a set for `ZMQSocket.monitor(at:events:)`.
    public struct Kinds: OptionSet, Sendable, Hashable {
        public let rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// A bound socket accepted a connection (value: its descriptor).
        public static let accepted = Kinds(rawValue: ZMQ_EVENT_ACCEPTED)
        /// A connection ended, for whatever reason (value: its descriptor).
        public static let disconnected = Kinds(rawValue: ZMQ_EVENT_DISCONNECTED)
        /// A listening or connecting descriptor was closed (value: the descriptor).
        public static let closed = Kinds(rawValue: ZMQ_EVENT_CLOSED)
        /// A connection finished its ZMTP handshake (value: 0).
        public static let handshakeSucceeded = Kinds(rawValue: ZMQ_EVENT_HANDSHAKE_SUCCEEDED)
        /// The monitor was stopped, or the socket closed: no event follows (sent only when asked for).
        public static let monitorStopped = Kinds(rawValue: ZMQ_EVENT_MONITOR_STOPPED)
    }

    /// The kind, a single member of `Kinds` (or another libzmq event code).
    public let kind: Kinds
    /// The number libzmq attaches: a file descriptor for connection events.
    public let value: UInt32
    /// The endpoint, e.g. the bound `tcp://127.0.0.1:5555` for `accepted`.
    public let endpoint: String

    public init(kind: Kinds, value: UInt32, endpoint: String) {
        self.kind = kind
        self.value = value
        self.endpoint = endpoint
    }

    /// Decodes one event: a 6-byte frame (16-bit event code, 32-bit value, native byte order)
    /// and a frame holding the endpoint. Nil for anything else.
    public init?(frames: [[UInt8]]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        var code: UInt16 = 0
        var value: UInt32 = 0
        frames[0].withUnsafeBytes { bytes in
            withUnsafeMutableBytes(of: &code) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[0..<2]))
            }
            withUnsafeMutableBytes(of: &value) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[2..<6]))
            }
        }
        self.init(
            kind: Kinds(rawValue: Int32(code)), value: value,
            endpoint: String(decoding: frames[1], as: UTF8.self))
    }

    /// The value as a file descriptor.
    public var fileDescriptor: Int32 { Int32(bitPattern: value) }
}
