import ArgumentParser
import Foundation
import ZeroMQ

/// `presswork keygen`: writes a CURVE key pair for `--curve-secret-key` / `--curve-server-key`.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CURVE key pair: NAME.key (secret, mode 0600) and NAME.pub (public).",
        discussion: """
            Typical set-up: `presswork keygen server` for the coordinator and collector (they share \
            it), `presswork keygen worker` for the workers. Servers get --curve-secret-key server.key \
            and --curve-authorized (a file listing the client .pub keys, collector's included); \
            clients get --curve-secret-key worker.key and --curve-server-key server.pub.
            """)

    @Argument(help: "Base name of the two files.")
    var name: String

    @Option(help: "Directory to write them in.")
    var directory = "."

    @Flag(help: "Overwrite existing files.")
    var force = false

    func run() throws {
        let keys = try CurveKeyPair.generate()
        let base = (directory as NSString).appendingPathComponent(name)
        let secret = base + ".key"
        let publicPath = base + ".pub"
        for path in [secret, publicPath] where FileManager.default.fileExists(atPath: path) && !force {
            throw ValidationError("\(path) exists; use --force to overwrite")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let secretText = "# presswork CURVE secret key: keep it private\n\(keys.secretKey)\n"
        guard
            FileManager.default.createFile(
                atPath: secret, contents: Data(secretText.utf8), attributes: [.posixPermissions: 0o600])
        else { throw ValidationError("cannot write \(secret)") }
        try ("# presswork CURVE public key\n\(keys.publicKey)\n").write(
            toFile: publicPath, atomically: true, encoding: .utf8)
        print("wrote \(secret) (secret) and \(publicPath) (public: \(keys.publicKey))")
    }
}
