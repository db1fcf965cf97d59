import ArgumentParser
import Cluster

/// `--max-connections` and `--max-connections-per-address`: how many connections the coordinator's
/// or the collector's bound sockets hold at once (env PRESSWORK_MAX_CONNECTIONS,
/// PRESSWORK_MAX_CONNECTIONS_PER_ADDRESS).
struct ConnectionOptions: ParsableArguments {
    @Option(
        help: """
            Connections the bound sockets hold at once in all; more are closed as they arrive \
            (default 4096, lowered to the open-file limit less 256; env PRESSWORK_MAX_CONNECTIONS).
            """)
    var maxConnections: Int?

    @Option(
        help: """
            Connections one address (IP) may hold at once; more are closed as they arrive \
            (default 128; env PRESSWORK_MAX_CONNECTIONS_PER_ADDRESS).
            """)
    var maxConnectionsPerAddress: Int?

    func caps(resolver: SettingsResolver) throws -> ConnectionCaps {
        var caps = ConnectionCaps()
        caps.maxTotal = try resolver.int("max-connections", flag: maxConnections, default: caps.maxTotal)
        caps.maxPerAddress = try resolver.int(
            "max-connections-per-address", flag: maxConnectionsPerAddress, default: caps.maxPerAddress)
        guard (1...1_000_000).contains(caps.maxTotal) else {
            throw ValidationError("max-connections must be 1 to 1000000")
        }
        guard (1...caps.maxTotal).contains(caps.maxPerAddress) else {
            throw ValidationError("max-connections-per-address must be 1 to max-connections")
        }
        return caps
    }
}
