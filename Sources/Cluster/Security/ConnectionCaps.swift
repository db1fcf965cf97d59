/// How many connections a role's bound sockets hold at once, from one address and in total
/// (libzmq has no such option; `ConnectionGuard` enforces them). A connection over a cap is closed
/// as soon as it is accepted, before its handshake.
public struct ConnectionCaps: Sendable, Equatable {
    /// Open connections from one address (IP; every ipc:// client counts as one address, `local`).
    /// A machine runs a worker or two and a status client: the default leaves room for many
    /// workers behind one NAT address.
    public var maxPerAddress = 128
    /// Open connections in all, so that peers cannot take the descriptors the role needs for its
    /// own files; lowered at start to the open-file limit less `reservedFiles`.
    public var maxTotal = 4_096

    /// Descriptors kept for the role itself (journal, input files, shards, sockets it connects).
    public static let reservedFiles = 256

    public init() {}

    public init(maxPerAddress: Int, maxTotal: Int) {
        self.maxPerAddress = maxPerAddress
        self.maxTotal = maxTotal
    }

    /// These caps with the total lowered so that, with `openFiles` descriptors allowed, the role
    /// keeps `reservedFiles` for itself (at least 16 connections are always allowed).
    public func fitted(toOpenFiles openFiles: Int) -> ConnectionCaps {
        var caps = self
        caps.maxTotal = min(maxTotal, max(16, openFiles - Self.reservedFiles))
        return caps
    }
}
