import Foundation

/// Plain TCP and unix-socket connections that never speak ZMTP: idle peers that hold a connection
/// open. Each call returns a descriptor the caller owns and closes exactly once.
public enum RawConnection {
    /// A TCP connection from `source` (any loopback address) to `127.0.0.1:port`; nil on failure.
    public static func tcp(port: UInt16, from source: String = "127.0.0.1") -> Int32? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(source)
        var address = local
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        let size = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, size) }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, size) }
        }
        guard bound == 0, connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// A connection to the unix socket at `path`; nil on failure.
    public static func unix(path: String) -> Int32? {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Whether the server closes `fd` within `seconds` (reads and drops libzmq's greeting).
    public static func isClosed(_ fd: Int32, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if isClosedNow(fd, waitingMilliseconds: 50) { return true }
        } while Date() < deadline
        return false
    }

    /// Whether the peer has closed `fd` (drops whatever it sent before: libzmq's greeting).
    public static func isClosedNow(_ fd: Int32) -> Bool { isClosedNow(fd, waitingMilliseconds: 0) }

    private static func isClosedNow(_ fd: Int32, waitingMilliseconds: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 256)
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while poll(&entry, 1, waitingMilliseconds) > 0 {
            if read(fd, &buffer, buffer.count) <= 0 { return true }
            entry.revents = 0
        }
        return false
    }
}
