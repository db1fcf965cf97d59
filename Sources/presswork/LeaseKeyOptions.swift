import ArgumentParser
import Cluster
import Foundation

/// `--lease-key`: the key the coordinator signs job leases with and the collector checks results
/// against (env `PRESSWORK_LEASE_KEY`: a key file or the 64 hex digits themselves). Without it, a
/// role with CURVE keys derives one from its CURVE secret key, which the coordinator and the
/// collector share; without either, results are not bound to leases.
struct LeaseKeyOptions: ParsableArguments {
    @Option(
        help: """
            File holding the hex lease key the coordinator and the collector share, e.g. from \
            `openssl rand -hex 32` (env PRESSWORK_LEASE_KEY: a file or the hex itself).
            """)
    var leaseKey: String?

    func key(resolver: SettingsResolver, curve: CurveSettings) throws -> [UInt8]? {
        if let source = resolver.optionalString("lease-key", flag: leaseKey) {
            return try Self.parse(source)
        }
        return curve.ownKeys.map { LeaseSigner.derivedKey(fromCurveSecret: $0.secretKey) }
    }

    /// A key from a file or from its hex text.
    static func parse(_ source: String) throws -> [UInt8] {
        var text = source
        if FileManager.default.fileExists(atPath: source) {
            guard let contents = try? String(contentsOfFile: source, encoding: .utf8) else {
                throw ValidationError("cannot read the lease key file \(source)")
            }
            text = contents
        }
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let key = Hex.decode(hex), key.count >= 16 else {
            throw ValidationError("the lease key must be at least 32 hex digits (a file or the text itself)")
        }
        return key
    }
}
