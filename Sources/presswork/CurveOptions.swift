import ArgumentParser
import Cluster
import Foundation
import ZeroMQ

/// CURVE options shared by the roles and `status`. Each takes a key file, or (through
/// `PRESSWORK_CURVE_*` environment variables) the 40-character Z85 key itself.
struct CurveOptions: ParsableArguments {
    @Option(help: "This process's CURVE secret key file (from `presswork keygen`); turns CURVE on.")
    var curveSecretKey: String?

    @Option(help: "The servers' CURVE public key file (for clients: workers, collector, status).")
    var curveServerKey: String?

    @Option(
        help: "Servers: a file of authorised client public keys (one per line), or a folder of .pub files.")
    var curveAuthorized: String?

    func settings(resolver: SettingsResolver) throws -> CurveSettings {
        var curve = CurveSettings()
        guard let secretSource = resolver.optionalString("curve-secret-key", flag: curveSecretKey) else {
            if resolver.optionalString("curve-server-key", flag: curveServerKey) != nil {
                throw ValidationError("--curve-server-key needs --curve-secret-key (this process's own key)")
            }
            return curve
        }
        curve.ownKeys = try CurveKeyPair.fromSecretKey(try KeyMaterial.key(secretSource))
        if let server = resolver.optionalString("curve-server-key", flag: curveServerKey) {
            curve.serverPublicKey = try KeyMaterial.key(server)
        }
        if let authorized = resolver.optionalString("curve-authorized", flag: curveAuthorized) {
            curve.authorizedClients = try KeyMaterial.keys(authorized)
        }
        return curve
    }
}

/// Reads Z85 keys from key files, folders of `.pub` files, or the text itself.
enum KeyMaterial {
    static func key(_ source: String) throws -> String {
        if source.utf8.count == CurveKeyPair.z85KeyLength && !FileManager.default.fileExists(atPath: source) {
            return source
        }
        let keys = try keys(source)
        guard keys.count == 1, let key = keys.first else {
            throw ValidationError("\(source) should hold exactly one CURVE key")
        }
        return key
    }

    static func keys(_ source: String) throws -> Set<String> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory) else {
            throw ValidationError("no such key file: \(source)")
        }
        let files =
            isDirectory.boolValue
            ? try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".pub") }.map
            {
                (source as NSString).appendingPathComponent($0)
            } : [source]
        var keys: Set<String> = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let key = line.trimmingCharacters(in: .whitespaces)
                if key.isEmpty || key.hasPrefix("#") { continue }
                guard key.utf8.count == CurveKeyPair.z85KeyLength else {
                    throw ValidationError("\(file): '\(key.prefix(12))…' is not a 40-character Z85 key")
                }
                keys.insert(key)
            }
        }
        return keys
    }
}
