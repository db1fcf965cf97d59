import ZeroMQ

/// CURVE encryption and authentication for every socket of a role (off when all nil).
///
/// Servers (the coordinator's sockets, the collector's result socket) use `ownKeys` as their
/// server key pair and admit only clients whose public key is in `authorizedClients`. Clients
/// (workers, the collector towards the coordinator, `status`) use `ownKeys` as their client key
/// pair and must know the servers' public key `serverPublicKey`.
public struct CurveSettings: Sendable, Equatable {
    public var ownKeys: CurveKeyPair?
    public var serverPublicKey: String?
    /// Z85 public keys of the clients a server admits; empty admits any client that completes the
    /// handshake (it still needs the server's public key, and traffic is still encrypted).
    public var authorizedClients: Set<String> = []

    public init() {}

    public var isEnabled: Bool { ownKeys != nil }

    /// Sets a server socket up for CURVE (before `bind`).
    func applyServer(to socket: ZMQSocket) throws(ZMQError) {
        guard let ownKeys else { return }
        try socket.setCurveServer(secretKey: ownKeys.secretKey)
    }

    /// Sets a client socket up for CURVE (before `connect`).
    func applyClient(to socket: ZMQSocket) throws(ClusterError) {
        guard let ownKeys else { return }
        guard let serverPublicKey else {
            throw ClusterError("CURVE is on but the servers' public key is missing (--curve-server-key)")
        }
        do {
            try socket.setCurveClient(
                serverPublicKey: serverPublicKey, publicKey: ownKeys.publicKey, secretKey: ownKeys.secretKey)
        } catch {
            throw ClusterError("cannot set CURVE keys: \(error)")
        }
    }
}
