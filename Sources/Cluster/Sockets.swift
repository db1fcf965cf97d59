import ZeroMQ

/// Socket set-up shared by the roles: every socket gets explicit HWMs, a message-size cap and a
/// short linger, so no role can hold unbounded memory or hang on exit. Server sockets declare the
/// ZAP domain (so `ZAPAuthenticator` vets every new connection), close connections that do not
/// finish their handshake in time, are watched by the role's `ConnectionGuard` (connection caps)
/// and take CURVE server keys; client sockets take CURVE client keys.
enum Sockets {
    static func configure(_ socket: ZMQSocket) throws(ZMQError) {
        try socket.setSendHighWaterMark(WireProtocol.highWaterMark)
        try socket.setReceiveHighWaterMark(WireProtocol.highWaterMark)
        try socket.setMaxMessageSize(WireProtocol.maxMessageBytes)
        try socket.setLinger(milliseconds: 2_000)
        try socket.setReconnect(interval: 100, max: 2_000)
    }

    /// A ROUTER bound at `endpoint`, with a per-frame cap below the default when the socket only
    /// carries small messages, and its own send high-water mark when replies may go unread.
    static func router(
        _ context: ZMQContext, bind endpoint: String, curve: CurveSettings,
        handshakeTimeout: Duration = WireProtocol.handshakeTimeout,
        maxFrameBytes: Int64 = WireProtocol.maxMessageBytes,
        sendHighWaterMark: Int32 = WireProtocol.highWaterMark, watchedBy watch: Watch? = nil
    ) throws(ClusterError)
        -> ZMQSocket
    {
        try bound(
            context, type: .router, at: endpoint, curve: curve, handshakeTimeout: handshakeTimeout,
            watchedBy: watch
        ) {
            (socket) throws(ZMQError) in
            try socket.setRouterMandatory(true)
            try socket.setMaxMessageSize(maxFrameBytes)
            try socket.setSendHighWaterMark(sendHighWaterMark)
        }
    }

    static func bound(
        _ context: ZMQContext, type: SocketType, at endpoint: String, curve: CurveSettings,
        handshakeTimeout: Duration = WireProtocol.handshakeTimeout, watchedBy watch: Watch? = nil,
        extra: (ZMQSocket) throws(ZMQError) -> Void = { _ in }
    ) throws(ClusterError) -> ZMQSocket {
        do {
            let socket = try ZMQSocket(context: context, type: type)
            try configure(socket)
            try socket.setHandshakeInterval(milliseconds: milliseconds(handshakeTimeout))
            try extra(socket)
            try socket.setZAPDomain(ZAPAuthenticator.domain)
            try curve.applyServer(to: socket)
            if let watch { try watch.guard.watch(socket, as: watch.index) }
            try socket.bind(endpoint)
            return socket
        } catch {
            throw ClusterError("cannot bind \(endpoint): \(error)")
        }
    }

    /// The connection guard that holds a bound socket to the caps, and the socket's number there.
    typealias Watch = (guard: ConnectionGuard, index: Int)

    /// `duration` in whole milliseconds for a libzmq option, at least 1 (0 would mean "never")
    /// and at most `Int32.max`.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = min(max(seconds, 0), Int64(Int32.max)) * 1_000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(1, total))
    }

    /// A socket of `type` connected to `endpoint`; `maxFrameBytes` lowers the per-frame cap on
    /// what the peer may send (libzmq reads it when connecting, so it is set before).
    static func connected(
        _ context: ZMQContext, type: SocketType, to endpoint: String, routingID: String? = nil,
        curve: CurveSettings, maxFrameBytes: Int64 = WireProtocol.maxMessageBytes
    ) throws(ClusterError) -> ZMQSocket {
        let socket: ZMQSocket
        do {
            socket = try ZMQSocket(context: context, type: type)
            try configure(socket)
            try socket.setMaxMessageSize(min(maxFrameBytes, WireProtocol.maxMessageBytes))
            if let routingID { try socket.setRoutingID(Array(routingID.utf8)) }
        } catch {
            throw ClusterError("cannot set up a socket for \(endpoint): \(error)")
        }
        try curve.applyClient(to: socket)
        do {
            try socket.connect(endpoint)
        } catch {
            throw ClusterError("cannot connect to \(endpoint): \(error)")
        }
        return socket
    }
}
