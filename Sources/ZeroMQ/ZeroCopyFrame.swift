import CZeroMQ

#if canImport(Glibc)
    import Glibc
#endif

/// Hands a large frame to libzmq without copying it: the message points into the array's storage
/// and a retained owner keeps that storage alive until libzmq's I/O thread has written it out.
///
/// Arrays are copy-on-write values, so a caller that mutates its array afterwards gets new storage
/// and the bytes being sent stay as they were. Only native Swift arrays reach here (Linux has no
/// bridged arrays), whose storage does not move while a reference to it is held.
final class ZeroCopyFrame {
    /// Frames at least this large are sent without a copy; smaller ones are cheaper to copy than
    /// to track.
    static let threshold = 16 * 1024

    private let bytes: [UInt8]

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Sends `bytes` as one frame; returns `zmq_msg_send`'s result (negative with `zmq_errno` set
    /// when the frame was not queued, in which case nothing is retained any more).
    static func send(_ bytes: [UInt8], on handle: UnsafeMutableRawPointer, flags: Int32) -> Int32 {
        let owner = Unmanaged.passRetained(ZeroCopyFrame(bytes))
        let message = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: 1)
        defer { message.deallocate() }
        let base = owner.takeUnretainedValue().bytes.withUnsafeBytes {
            UnsafeMutableRawPointer(mutating: $0.baseAddress)
        }
        guard zmq_msg_init_data(message, base, bytes.count, releaseOwner, owner.toOpaque()) == 0 else {
            owner.release()
            return -1
        }
        let rc = zmq_msg_send(message, handle, flags)
        if rc < 0 {
            // Not queued: the message is still ours; closing it runs `releaseOwner`.
            let code = zmq_errno()
            zmq_msg_close(message)
            errno = code
        }
        return rc
    }
}

/// libzmq's free function for zero-copy frames, called once the frame is no longer needed.
private let releaseOwner: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Void = {
    _, hint in
    guard let hint else { return }
    Unmanaged<ZeroCopyFrame>.fromOpaque(hint).release()
}
