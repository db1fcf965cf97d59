import CZeroMQ
import Glibc

/// A wake-up channel for a thread blocked in `ZMQPoller.poll` (the self-pipe pattern, on an eventfd).
///
/// Any thread may call `wake()`; the polling thread adds `fileDescriptor` to its poller and calls
/// `drain()` once it sees it readable. Several wakes before a drain collapse into one.
public final class WakeSignal: Sendable {
    /// The eventfd to poll for readability.
    public let fileDescriptor: Int32

    public init() throws(ZMQError) {
        let descriptor = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard descriptor >= 0 else { throw ZMQError(errno: errno, operation: "create eventfd") }
        fileDescriptor = descriptor
    }

    deinit {
        _ = Glibc.close(fileDescriptor)
    }

    /// Makes `fileDescriptor` readable until the next `drain()`. Safe from any thread.
    public func wake() {
        var one: UInt64 = 1
        // EAGAIN means the counter is already (absurdly) high, so the signal is pending anyway.
        while write(fileDescriptor, &one, MemoryLayout<UInt64>.size) < 0 && errno == EINTR {}
    }

    /// Clears pending wakes so `fileDescriptor` is no longer readable.
    public func drain() {
        var value: UInt64 = 0
        while read(fileDescriptor, &value, MemoryLayout<UInt64>.size) < 0 && errno == EINTR {}
    }
}
