import CZeroMQ

/// One `zmq_msg_t`, owned exactly once.
///
/// A `zmq_msg_t` must never be copied (two copies would release the same content twice), and a small
/// message keeps its bytes inside the struct, so it also needs an address that does not move while
/// `data` is read: hence non-copyable, and stored in its own heap allocation.
struct Message: ~Copyable {
    let pointer: UnsafeMutablePointer<zmq_msg_t>

    init() {
        pointer = .allocate(capacity: 1)
        zmq_msg_init(pointer)
    }

    deinit {
        zmq_msg_close(pointer)
        pointer.deallocate()
    }

    var size: Int { zmq_msg_size(pointer) }

    /// Frees the frame's content now (an empty message is left in its place), rather than when
    /// the next frame is received into it.
    func release() {
        zmq_msg_close(pointer)
        zmq_msg_init(pointer)
    }

    /// True when another frame of the same multipart message follows.
    var more: Bool { zmq_msg_more(pointer) != 0 }

    /// The frame's bytes; valid until the message is received into again or closed.
    var data: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: zmq_msg_data(pointer), count: size)
    }

    /// Copies the frame's bytes into a new array: one allocation, one memcpy.
    func bytes() -> [UInt8] {
        let source = data
        guard let base = source.baseAddress, !source.isEmpty else { return [] }
        // Array(UnsafeBufferPointer) is specialised at compile time; Array(unsafeUninitializedCapacity:)
        // goes through an unspecialised generic allocation that cost ~500 instructions a frame.
        return [UInt8](
            UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: source.count))
    }
}
