import CZeroMQ

/// A ZeroMQ socket.
///
/// Not `Sendable`: libzmq sockets are not thread-safe, so a socket is created, used and closed on one
/// thread. The socket holds its context strongly, so the context outlives it.
public final class ZMQSocket {
    /// The context this socket was made from; kept so it cannot be terminated while the socket is open.
    public let context: ZMQContext
    /// The pattern this socket was created with.
    public let type: SocketType
    private var handle: UnsafeMutableRawPointer?
    /// Reused for every received frame.
    let receiveBuffer = Message()
    /// The last message `receive` returned, up to `recycleLimit` bytes. When the caller has let go
    /// of it, the next `receive` copies into the same arrays instead of allocating.
    var recycledFrames: [[UInt8]] = []
    /// Bytes `receive` and `receiveMultipart` have copied out of libzmq's frames (wrapping), so
    /// tests can tell that the frames of an oversize message were dropped without being copied.
    var bytesCopied = 0

    public init(context: ZMQContext, type: SocketType) throws(ZMQError) {
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("create \(type) socket")
        }
        self.context = context
        self.type = type
        self.handle = handle
    }

    deinit {
        close()
    }

    /// Whether `close()` has been called.
    public var isClosed: Bool { handle == nil }

    /// The open libzmq handle, or `ENOTSOCK` once closed.
    func openHandle(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
        guard let handle else { throw ZMQError(errno: ENOTSOCK, operation: operation()) }
        return handle
    }

    /// Binds to an endpoint such as `tcp://127.0.0.1:*`, `ipc:///tmp/x.sock` or `inproc://name`.
    public func bind(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("bind \(endpoint)")
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError.last("bind \(endpoint)") }
    }

    /// Connects to an endpoint; libzmq connects (and reconnects) in the background.
    public func connect(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("connect \(endpoint)")
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError.last("connect \(endpoint)") }
    }

    /// Undoes `connect`, with the endpoint spelled exactly as it was connected.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("disconnect \(endpoint)")
        guard zmq_disconnect(handle, endpoint) == 0 else { throw ZMQError.last("disconnect \(endpoint)") }
    }

    /// Undoes `bind`, with the endpoint as reported by `lastEndpoint` for wildcard binds.
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let handle = try openHandle("unbind \(endpoint)")
        guard zmq_unbind(handle, endpoint) == 0 else { throw ZMQError.last("unbind \(endpoint)") }
    }

    /// The endpoint last bound or connected (`ZMQ_LAST_ENDPOINT`), with a wildcard port resolved,
    /// e.g. `tcp://127.0.0.1:41234` after `bind("tcp://127.0.0.1:*")`.
    public var lastEndpoint: String {
        get throws(ZMQError) {
            let handle = try openHandle("get last endpoint")
            var buffer = [CChar](repeating: 0, count: 1024)
            var size = buffer.count
            guard zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else {
                throw ZMQError.last("get last endpoint")
            }
            return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }

    /// Which operations would not block now (`ZMQ_EVENTS`).
    public var events: (readable: Bool, writable: Bool) {
        get throws(ZMQError) {
            let flags = try integerOption(ZMQ_EVENTS, name: "events")
            return (flags & Int32(ZMQ_POLLIN) != 0, flags & Int32(ZMQ_POLLOUT) != 0)
        }
    }

    /// Closes the socket; later calls do nothing. Pending outgoing messages are kept for the
    /// socket's linger time (`setLinger`), which libzmq applies in the background.
    public func close() {
        guard let handle else { return }
        self.handle = nil
        zmq_close(handle)
    }
}
