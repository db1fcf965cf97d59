import ArgumentParser
import Cluster

/// `--handshake-timeout SECONDS`: how long a connection to a role's bound sockets may take to
/// greet (and pass CURVE) before it is closed (env PRESSWORK_HANDSHAKE_TIMEOUT).
struct HandshakeOptions: ParsableArguments {
    @Option(
        help: """
            Seconds a new connection may take to finish its handshake before it is closed, so idle \
            connections do not hold descriptors (default 5; env PRESSWORK_HANDSHAKE_TIMEOUT).
            """)
    var handshakeTimeout: Double?

    func timeout(resolver: SettingsResolver) throws -> Duration {
        guard let text = resolver.optionalString("handshake-timeout", flag: handshakeTimeout.map { "\($0)" })
        else { return WireProtocol.handshakeTimeout }
        guard let seconds = Double(text), seconds >= 0.001, seconds <= 3_600 else {
            throw ValidationError("handshake-timeout must be 0.001 to 3600 seconds, not '\(text)'")
        }
        return .milliseconds(Int(seconds * 1_000))
    }
}
