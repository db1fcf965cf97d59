import ZeroMQ

/// Socket set-up shared by the roles: every socket gets explicit HWMs, a message-size cap and a
/// short linger, so no role can hold unbounded memory or hang on exit.
enum Sockets {
    static func configure(_ socket: ZMQSocket) throws(ZMQError) {
        try socket.setSendHighWaterMark(WireProtocol.highWaterMark)
        try socket.setReceiveHighWaterMark(WireProtocol.highWaterMark)
        try socket.setMaxMessageSize(WireProtocol.maxMessageBytes)
        try socket.setLinger(milliseconds: 2_000)
        try socket.setReconnect(interval: 100, max: 2_000)
    }

    static func router(_ context: ZMQContext, bind endpoint: String) throws(ClusterError) -> ZMQSocket {
        do {
            let socket = try ZMQSocket(context: context, type: .router)
            try configure(socket)
            try socket.setRouterMandatory(true)
            try socket.bind(endpoint)
            return socket
        } catch {
            throw ClusterError("cannot bind \(endpoint): \(error)")
        }
    }

    static func connected(
        _ context: ZMQContext, type: SocketType, to endpoint: String, routingID: String? = nil
    ) throws(ClusterError) -> ZMQSocket {
        do {
            let socket = try ZMQSocket(context: context, type: type)
            try configure(socket)
            if let routingID { try socket.setRoutingID(Array(routingID.utf8)) }
            try socket.connect(endpoint)
            return socket
        } catch {
            throw ClusterError("cannot connect to \(endpoint): \(error)")
        }
    }

    static func bound(
        _ context: ZMQContext, type: SocketType, at endpoint: String
    ) throws(ClusterError) -> ZMQSocket {
        do {
            let socket = try ZMQSocket(context: context, type: type)
            try configure(socket)
            try socket.bind(endpoint)
            return socket
        } catch {
            throw ClusterError("cannot bind \(endpoint): \(error)")
        }
    }
}
