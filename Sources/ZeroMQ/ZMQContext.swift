import CZeroMQ

/// A libzmq context: owns the I/O threads that all of its sockets share.
///
/// Sockets keep a strong reference to their context, so the context is terminated (`zmq_ctx_term`,
/// in `deinit`) only after every socket made from it has been closed; terminating it first would block
/// forever.
// @unchecked: libzmq documents contexts as thread-safe, and `handle` never changes after init.
public final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    /// Creates a context.
    /// - Parameters:
    ///   - ioThreads: libzmq I/O threads (`ZMQ_IO_THREADS`); one handles about a gigabyte per second.
    ///   - blocky: libzmq's `ZMQ_BLOCKY`. When false, new sockets default to a linger of 0 instead of
    ///     forever, so termination never waits on messages that cannot be delivered.
    public init(ioThreads: Int32 = 1, blocky: Bool = true) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("create context") }
        self.handle = handle
        guard zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) == 0 else {
            let error = ZMQError.last("set context io threads \(ioThreads)")
            zmq_ctx_term(handle)
            throw error
        }
        guard zmq_ctx_set(handle, ZMQ_BLOCKY, blocky ? 1 : 0) == 0 else {
            let error = ZMQError.last("set context blocky \(blocky)")
            zmq_ctx_term(handle)
            throw error
        }
    }

    deinit {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}
