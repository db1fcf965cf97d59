#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Both ends of an accepted connection, read from its descriptor (`getsockname`,
/// `getpeername`): what identifies the connection when a monitor event names only the descriptor.
struct ConnectionEndpoints: Equatable {
    /// Our end: `ip:port` for TCP, the socket file's path for ipc.
    var local: String
    /// The peer's end: `ip:port` for TCP, empty for ipc.
    var peer: String
    /// The address caps count by: the peer's IP, or `local` for every ipc client.
    var address: String

    /// The endpoints of the connection on `descriptor`, or nil when it is not a connected
    /// socket (any more).
    init?(descriptor: Int32) {
        guard let local = Self.name(of: descriptor, peer: false),
            let peer = Self.name(of: descriptor, peer: true)
        else { return nil }
        self.local = local.text
        self.peer = peer.text
        address = peer.host ?? "local"
    }

    /// Whether `endpoint` (as libzmq reports the bound socket, `tcp://0.0.0.0:5555`,
    /// `ipc:///run/x.sock`) is the listener this connection came in on: same port, or same path.
    func cameIn(on endpoint: String) -> Bool {
        if endpoint.hasPrefix("ipc://") { return local == String(endpoint.dropFirst("ipc://".count)) }
        guard let colon = endpoint.lastIndex(of: ":"), let ours = local.lastIndex(of: ":") else {
            return false
        }
        return endpoint[colon...] == local[ours...]
    }

    /// Ends the connection on `descriptor` (`shutdown`; libzmq sees it end and closes it) if that
    /// descriptor still holds this very connection; a descriptor reused since for anything else
    /// is left alone. Returns whether it was shut down.
    func shutDown(descriptor: Int32) -> Bool {
        guard ConnectionEndpoints(descriptor: descriptor) == self else { return false }
        return shutdown(descriptor, Int32(SHUT_RDWR)) == 0
    }

    /// `ip:port` (and the IP alone) of one end of a socket, or the path of a unix socket.
    private static func name(of descriptor: Int32, peer: Bool) -> (text: String, host: String?)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                peer ? getpeername(descriptor, $0, &length) : getsockname(descriptor, $0, &length)
            }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    var ip = address.pointee.sin_addr
                    let host = text(family: AF_INET, &ip, size: Int(INET_ADDRSTRLEN))
                    return ("\(host):\(UInt16(bigEndian: address.pointee.sin_port))", host)
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    var ip = address.pointee.sin6_addr
                    let host = text(family: AF_INET6, &ip, size: Int(INET6_ADDRSTRLEN))
                    return ("[\(host)]:\(UInt16(bigEndian: address.pointee.sin6_port))", host)
                }
            }
        case AF_UNIX:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_un.self, capacity: 1) { address in
                    var path = address.pointee.sun_path
                    let text = withUnsafeBytes(of: &path) { bytes in
                        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    return (text, nil)
                }
            }
        default:
            return ("family \(storage.ss_family)", nil)
        }
    }

    private static func text<Address>(
        family: Int32, _ address: inout Address, size: Int
    ) -> String {
        var buffer = [CChar](repeating: 0, count: size)
        let written = withUnsafeBytes(of: &address) {
            inet_ntop(family, $0.baseAddress, &buffer, socklen_t(size))
        }
        guard written != nil else { return "?" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
