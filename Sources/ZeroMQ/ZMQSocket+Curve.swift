import CZeroMQ

/// CURVE encryption and authentication (CurveZMQ), with keys in Z85 text (40 characters).
extension ZMQSocket {
    /// Makes this socket a CURVE server with its long-term secret key (`ZMQ_CURVE_SERVER`,
    /// `ZMQ_CURVE_SECRETKEY`). Set before `bind`. Clients must then know the matching public key.
    public func setCurveServer(secretKey: String) throws(ZMQError) {
        try setCurveKey(ZMQ_CURVE_SECRETKEY, secretKey, name: "curve secret key")
        try setInteger(ZMQ_CURVE_SERVER, 1, name: "curve server")
    }

    /// Makes this socket a CURVE client of the server whose public key is `serverPublicKey`, using
    /// its own key pair. Set before `connect`. A wrong server key makes the handshake fail silently:
    /// nothing is ever delivered.
    public func setCurveClient(serverPublicKey: String, publicKey: String, secretKey: String) throws(ZMQError)
    {
        try setCurveKey(ZMQ_CURVE_SERVERKEY, serverPublicKey, name: "curve server key")
        try setCurveKey(ZMQ_CURVE_PUBLICKEY, publicKey, name: "curve public key")
        try setCurveKey(ZMQ_CURVE_SECRETKEY, secretKey, name: "curve secret key")
    }

    /// The ZAP domain (`ZMQ_ZAP_DOMAIN`): with a ZAP handler bound at `inproc://zeromq.zap.01`
    /// on the same context, every new connection to this socket is put to the handler first, for
    /// every mechanism (NULL included). Set before `bind`.
    public func setZAPDomain(_ domain: String) throws(ZMQError) {
        var bytes = Array(domain.utf8)
        try setBytes(ZMQ_ZAP_DOMAIN, &bytes, size: bytes.count, name: "zap domain")
    }

    private func setCurveKey(_ option: Int32, _ key: String, name: String) throws(ZMQError) {
        var bytes = Array(key.utf8)
        guard bytes.count == CurveKeyPair.z85KeyLength else {
            throw ZMQError(errno: EINVAL, operation: "set \(name) (expected 40 Z85 characters)")
        }
        try setBytes(option, &bytes, size: bytes.count, name: name)
    }
}
