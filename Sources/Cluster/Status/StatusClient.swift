import ZeroMQ

/// Asks a coordinator's status socket for a `RunStatus`: what `presswork status` prints.
///
/// Every request uses a fresh DEALER, so a reply that never comes (a coordinator that is down or
/// busy) cannot wedge the next request.
public struct StatusClient {
    public let endpoint: String
    private let context: ZMQContext
    private let curve: CurveSettings

    public init(endpoint: String, curve: CurveSettings) throws(ClusterError) {
        self.endpoint = endpoint
        self.curve = curve
        do {
            context = try ZMQContext()
        } catch {
            throw ClusterError("cannot create a ZeroMQ context: \(error)")
        }
    }

    /// The coordinator's status, or nil when it does not answer within `timeoutMilliseconds` (or
    /// answers something other than a status reply).
    public func fetch(timeoutMilliseconds: Int) -> RunStatus? {
        guard let socket = try? ZMQSocket(context: context, type: .dealer) else { return nil }
        defer { socket.close() }
        try? socket.setLinger(milliseconds: 0)
        if curve.isEnabled {
            guard let keys = curve.ownKeys, let server = curve.serverPublicKey,
                (try? socket.setCurveClient(
                    serverPublicKey: server, publicKey: keys.publicKey, secretKey: keys.secretKey))
                    != nil
            else { return nil }
        }
        guard (try? socket.connect(endpoint)) != nil else { return nil }
        guard (try? socket.send([WireCodec.encode(.statusRequest, EmptyBody())], dontWait: true)) == true
        else {
            return nil
        }
        var poller = ZMQPoller()
        _ = poller.add(socket)
        guard let ready = try? poller.poll(timeoutMilliseconds: timeoutMilliseconds), !ready.isEmpty,
            let frames = (try? socket.receive(dontWait: true)) ?? nil, let header = frames.last,
            (try? WireCodec.kind(of: header)) == .statusReply
        else { return nil }
        return try? WireCodec.body(RunStatus.self, from: header)
    }
}
