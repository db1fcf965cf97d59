import CZeroMQ

/// Socket options, in the units libzmq uses (milliseconds for times, -1 for "forever" or "none").
extension ZMQSocket {
    /// Most messages queued for sending per peer before send blocks or drops (`ZMQ_SNDHWM`).
    public func setSendHighWaterMark(_ value: Int32) throws(ZMQError) {
        try setInteger(ZMQ_SNDHWM, value, name: "send high-water mark")
    }

    /// Most messages queued on receipt per peer (`ZMQ_RCVHWM`).
    public func setReceiveHighWaterMark(_ value: Int32) throws(ZMQError) {
        try setInteger(ZMQ_RCVHWM, value, name: "receive high-water mark")
    }

    /// How long unsent messages are kept after `close` (`ZMQ_LINGER`); 0 drops them, -1 waits forever.
    public func setLinger(milliseconds: Int32) throws(ZMQError) {
        try setInteger(ZMQ_LINGER, milliseconds, name: "linger")
    }

    /// Largest inbound message accepted (`ZMQ_MAXMSGSIZE`); a peer sending more is disconnected.
    /// Enforced on tcp and ipc, not inproc.
    public func setMaxMessageSize(_ bytes: Int64) throws(ZMQError) {
        var value = bytes
        try setBytes(ZMQ_MAXMSGSIZE, &value, size: MemoryLayout<Int64>.size, name: "max message size")
    }

    /// Queue messages only to completed connections (`ZMQ_IMMEDIATE`).
    public func setImmediate(_ on: Bool) throws(ZMQError) {
        try setInteger(ZMQ_IMMEDIATE, on ? 1 : 0, name: "immediate")
    }

    /// The identity a ROUTER peer sees for this socket (`ZMQ_ROUTING_ID`), 1 to 255 bytes;
    /// set before connecting.
    public func setRoutingID(_ id: [UInt8]) throws(ZMQError) {
        var copy = id
        try setBytes(ZMQ_ROUTING_ID, &copy, size: copy.count, name: "routing id")
    }

    /// ROUTER only: fail with `EHOSTUNREACH` instead of silently dropping a message to an unknown
    /// peer (`ZMQ_ROUTER_MANDATORY`).
    public func setRouterMandatory(_ on: Bool) throws(ZMQError) {
        try setInteger(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, name: "router mandatory")
    }

    /// ZMTP heartbeats (`ZMQ_HEARTBEAT_IVL`, `_TIMEOUT`, `_TTL`), in milliseconds: ping every
    /// `interval`, drop the connection after `timeout` without traffic, ask the peer to drop it
    /// after `ttl`.
    public func setHeartbeat(interval: Int32, timeout: Int32, ttl: Int32) throws(ZMQError) {
        try setInteger(ZMQ_HEARTBEAT_IVL, interval, name: "heartbeat interval")
        try setInteger(ZMQ_HEARTBEAT_TIMEOUT, timeout, name: "heartbeat timeout")
        try setInteger(ZMQ_HEARTBEAT_TTL, ttl, name: "heartbeat ttl")
    }

    /// Reconnect delay and its exponential back-off cap (`ZMQ_RECONNECT_IVL`, `_MAX`), in milliseconds.
    public func setReconnect(interval: Int32, max: Int32) throws(ZMQError) {
        try setInteger(ZMQ_RECONNECT_IVL, interval, name: "reconnect interval")
        try setInteger(ZMQ_RECONNECT_IVL_MAX, max, name: "reconnect interval max")
    }

    /// How long a new connection may take to finish the ZMTP handshake (greeting, and the CURVE
    /// exchange with its ZAP check) before libzmq closes it (`ZMQ_HANDSHAKE_IVL`), in
    /// milliseconds; 0 waits forever, libzmq's default is 30,000. On a bound socket this is what
    /// frees the descriptor of a peer that connects and says nothing.
    public func setHandshakeInterval(milliseconds: Int32) throws(ZMQError) {
        try setInteger(ZMQ_HANDSHAKE_IVL, milliseconds, name: "handshake interval")
    }

    /// The handshake interval in force (`ZMQ_HANDSHAKE_IVL`), in milliseconds.
    public var handshakeInterval: Int32 {
        get throws(ZMQError) { try integerOption(ZMQ_HANDSHAKE_IVL, name: "handshake interval") }
    }

    /// How long a TCP connect may take before it is abandoned and retried on the reconnect
    /// schedule (`ZMQ_CONNECT_TIMEOUT`), in milliseconds; 0 leaves it to the operating system.
    public func setConnectTimeout(milliseconds: Int32) throws(ZMQError) {
        try setInteger(ZMQ_CONNECT_TIMEOUT, milliseconds, name: "connect timeout")
    }

    /// After this long a blocking `send` gives up and returns false (`ZMQ_SNDTIMEO`); -1 = forever.
    public func setSendTimeout(milliseconds: Int32) throws(ZMQError) {
        try setInteger(ZMQ_SNDTIMEO, milliseconds, name: "send timeout")
    }

    /// After this long a blocking `receive` gives up and returns nil (`ZMQ_RCVTIMEO`); -1 = forever.
    public func setReceiveTimeout(milliseconds: Int32) throws(ZMQError) {
        try setInteger(ZMQ_RCVTIMEO, milliseconds, name: "receive timeout")
    }

    /// SUB only: receive messages whose first frame starts with `prefix`; empty means all.
    public func subscribe(_ prefix: [UInt8]) throws(ZMQError) {
        var copy = prefix
        try setBytes(ZMQ_SUBSCRIBE, &copy, size: copy.count, name: "subscribe")
    }

    /// SUB only: undoes one `subscribe` of the same prefix.
    public func unsubscribe(_ prefix: [UInt8]) throws(ZMQError) {
        var copy = prefix
        try setBytes(ZMQ_UNSUBSCRIBE, &copy, size: copy.count, name: "unsubscribe")
    }

    // MARK: - Plumbing

    func setInteger(_ option: Int32, _ value: Int32, name: String) throws(ZMQError) {
        var value = value
        try setBytes(option, &value, size: MemoryLayout<Int32>.size, name: name)
    }

    func setBytes(
        _ option: Int32, _ value: UnsafeRawPointer, size: Int, name: String
    ) throws(ZMQError) {
        let handle = try openHandle("set \(name)")
        guard zmq_setsockopt(handle, option, value, size) == 0 else {
            throw ZMQError.last("set \(name)")
        }
    }

    func integerOption(_ option: Int32, name: String) throws(ZMQError) -> Int32 {
        let handle = try openHandle("get \(name)")
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard zmq_getsockopt(handle, option, &value, &size) == 0 else { throw ZMQError.last("get \(name)") }
        return value
    }
}
