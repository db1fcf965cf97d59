import ZeroMQ

/// What the ZAP handler decides for one request: pure, so it is tested without sockets.
///
/// A ZAP request is `[version, request id, domain, address, routing id, mechanism, credentials…]`;
/// the reply is `[version, request id, status code, status text, user id, metadata]`.
struct ZAPPolicy {
    /// The decision for one request.
    struct Decision {
        var admitted: Bool
        var code: String
        var text: String
        var address: String
        var user: String

        func reply(to request: [[UInt8]]) -> [[UInt8]] {
            let id = request.count > 1 ? request[1] : []
            return [Array("1.0".utf8), id, Array(code.utf8), Array(text.utf8), Array(user.utf8), []]
        }
    }

    let curve: CurveSettings
    let limit: Int
    private var windows: [String: (start: Moment, count: Int)] = [:]

    init(curve: CurveSettings, handshakesPerSecond: Int = ZAPAuthenticator.handshakesPerSecond) {
        self.curve = curve
        limit = handshakesPerSecond
    }

    mutating func decide(_ request: [[UInt8]], now: Moment) -> Decision {
        func text(_ index: Int) -> String {
            index < request.count ? String(decoding: request[index], as: UTF8.self) : ""
        }
        let address = text(3)
        let mechanism = text(5)
        guard request.count >= 6, text(0) == "1.0" else {
            return Decision(
                admitted: false, code: "500", text: "malformed ZAP request", address: address, user: "")
        }
        if !allow(address, now: now) {
            return Decision(
                admitted: false, code: "300", text: "too many new connections", address: address, user: "")
        }
        switch mechanism {
        case "CURVE":
            let key = request.count > 6 ? CurveKeyPair.z85(binaryKey: request[6]) : nil
            guard let key else {
                return Decision(
                    admitted: false, code: "400", text: "no client key", address: address, user: "")
            }
            guard curve.authorizedClients.isEmpty || curve.authorizedClients.contains(key) else {
                return Decision(
                    admitted: false, code: "400", text: "client key \(key) is not authorised",
                    address: address, user: "")
            }
            return Decision(admitted: true, code: "200", text: "OK", address: address, user: key)
        case "NULL":
            guard !curve.isEnabled else {
                return Decision(
                    admitted: false, code: "400", text: "CURVE required", address: address, user: "")
            }
            return Decision(admitted: true, code: "200", text: "OK", address: address, user: "")
        default:
            return Decision(
                admitted: false, code: "400", text: "mechanism \(mechanism) not allowed", address: address,
                user: "")
        }
    }

    /// A fixed one-second window per address.
    private mutating func allow(_ address: String, now: Moment) -> Bool {
        var window = windows[address] ?? (now, 0)
        if now - window.start >= .seconds(1) { window = (now, 0) }
        window.count += 1
        windows[address] = window
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < .seconds(1) } }
        return window.count <= limit
    }
}
