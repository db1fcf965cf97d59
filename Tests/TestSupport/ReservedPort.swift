import Foundation

/// A loopback TCP port held for a test until the server meant to use it has bound it.
///
/// Finding a free port by binding port 0 and closing the socket races with every other test that
/// does the same: the port is free again the moment it is found. A reservation instead keeps its
/// socket bound (not listening) with `SO_REUSEADDR`, so the kernel hands the port to no other
/// `bind` to port 0, while a server that also sets `SO_REUSEADDR` (libzmq's and NIO's listeners
/// do) can bind and listen on it. Release it once that server is up, or when the test ends.
public final class ReservedPort: @unchecked Sendable {
    public let port: Int
    private let lock = NSLock()
    private var descriptor: Int32?

    /// Reserves a port of 127.0.0.1 chosen by the kernel.
    public init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ReservationFailed(reason: "socket: errno \(errno)") }
        var on: Int32 = 1
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size)) == 0
                    && bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else {
            let reason = "bind: errno \(errno)"
            close(fd)
            throw ReservationFailed(reason: reason)
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// `count` reservations.
    public static func take(_ count: Int) throws -> [ReservedPort] {
        try (0..<count).map { _ in try ReservedPort() }
    }

    /// Gives the port up (its socket is closed once, whoever calls first).
    public func release() {
        let fd = lock.withLock { () -> Int32? in
            defer { descriptor = nil }
            return descriptor
        }
        if let fd { close(fd) }
    }

    deinit { release() }

    /// Why a port could not be reserved.
    public struct ReservationFailed: Error, CustomStringConvertible {
        public var reason: String
        public var description: String { "cannot reserve a port: \(reason)" }
    }
}
