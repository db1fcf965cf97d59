import Foundation
import TestSupport
import Testing

/// The moto server (from PyPI, in a venv outside the repository that
/// `tools/setup/install-test-servers.sh` makes) as an S3-compatible store on a free loopback port,
/// started by the test and stopped at the end; buckets are made and filled with boto3 from the
/// same venv. Nothing listens beyond 127.0.0.1.
///
/// By default moto takes any key pair and checks no signature. With `verifiesSignatures` it checks
/// every request after the first three (which make an IAM user with an S3 policy and its access
/// key): a request signed wrongly, or not at all, is refused as AWS would refuse it.
final class MotoServer {
    /// moto on its reserved port.
    private let server: LoopbackServerProcess
    private let log: URL
    /// The key pair requests are signed with (moto's own, when it verifies signatures).
    let accessKeyID: String
    let secretAccessKey: String

    /// The venv the set-up script installs moto into (`PRESSWORK_MOTO_VENV`, else under `TMPDIR`).
    static var venv: URL {
        let environment = ProcessInfo.processInfo.environment
        if let venv = environment["PRESSWORK_MOTO_VENV"] { return URL(fileURLWithPath: venv) }
        return URL(fileURLWithPath: environment["TMPDIR"] ?? "/tmp").appendingPathComponent(
            "presswork-moto-venv")
    }

    /// `moto_server` and the Python that has boto3 beside it: the venv's, else the first on PATH.
    static let executables: (server: String, python: String)? = {
        let bin = venv.appendingPathComponent("bin")
        let server = bin.appendingPathComponent("moto_server").path
        if FileManager.default.isExecutableFile(atPath: server) {
            return (server, bin.appendingPathComponent("python").path)
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/moto_server"
            if FileManager.default.isExecutableFile(atPath: candidate) { return (candidate, "python3") }
        }
        return nil
    }()

    /// Tests of S3 inputs run when moto is installed, and always under CI (where its absence fails).
    static var shouldRun: Bool { executables != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    var port: Int { server.port }

    /// `http://127.0.0.1:PORT`: the `--s3-endpoint`.
    var endpoint: String { "http://127.0.0.1:\(port)" }

    /// Starts moto, logging to `logs`, and makes `bucket` holding `objects` (key → local file),
    /// readable by anyone (unsigned requests) when `publicRead`, as a public crawl's are.
    init(
        logs: URL, bucket: String, objects: [String: URL], verifiesSignatures: Bool = false,
        publicRead: Bool = false
    ) throws {
        guard let executables = Self.executables else {
            throw ServerError(
                "moto_server is not installed: tools/setup/install-test-servers.sh installs it in \(Self.venv.path)"
            )
        }
        let log = logs.appendingPathComponent("moto.log")
        self.log = log
        server = try LoopbackServerProcess(
            name: "moto_server",
            launch: { port in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: executables.server)
                process.arguments = ["-H", "127.0.0.1", "-p", "\(port)"]
                var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
                if verifiesSignatures { environment["INITIAL_NO_AUTH_ACTION_COUNT"] = "3" }
                process.environment = environment
                process.standardInput = FileHandle.nullDevice
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
                process.standardOutput = try FileHandle(forWritingTo: log)
                process.standardError = process.standardOutput
                try process.run()
                return process
            },
            lastError: { (try? String(contentsOf: log, encoding: .utf8)) ?? "" })
        let keys = try Self.fill(
            python: executables.python, endpoint: "http://127.0.0.1:\(server.port)", bucket: bucket,
            objects: objects, makeUser: verifiesSignatures, publicRead: publicRead)
        accessKeyID = keys.0
        secretAccessKey = keys.1
    }

    deinit { stop() }

    /// Stops moto (SIGTERM, SIGKILL after 5 s).
    func stop() { server.stop(timeout: 5) }

    /// The requests moto served, one line each (`"GET /bucket?list-type=2&… HTTP/1.1" 200 -`),
    /// without the colours its log gives some statuses.
    var requests: [String] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.replacing(/\u{1B}\[[0-9;]*m/, with: "").split(separator: "\n")
            .filter { $0.contains("\" ") && $0.contains("HTTP/1.1") }.map(String.init)
    }

    /// The credentials as the environment gives them to `presswork`.
    var credentialEnvironment: [String: String] {
        [
            "AWS_ACCESS_KEY_ID": accessKeyID, "AWS_SECRET_ACCESS_KEY": secretAccessKey,
            "AWS_REGION": "us-east-1",
        ]
    }

    /// Makes the bucket and uploads the objects with boto3 (signed; with `makeUser`, first an IAM
    /// user whose key signs them, printed back as `KEY SECRET`).
    private static func fill(
        python: String, endpoint: String, bucket: String, objects: [String: URL], makeUser: Bool,
        publicRead: Bool
    ) throws -> (String, String) {
        let script = """
            import json, sys, boto3
            endpoint, bucket = sys.argv[1], sys.argv[2]
            make_user, public = sys.argv[3] == "1", sys.argv[4] == "1"
            key, secret = "AKIDPRESSWORKTESTS", "any-secret-moto-takes"
            if make_user:
                iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                                   aws_access_key_id=key, aws_secret_access_key=secret)
                iam.create_user(UserName="reader")
                policy = {"Version": "2012-10-17",
                          "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}
                iam.put_user_policy(UserName="reader", PolicyName="s3", PolicyDocument=json.dumps(policy))
                made = iam.create_access_key(UserName="reader")["AccessKey"]
                key, secret = made["AccessKeyId"], made["SecretAccessKey"]
            s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                              aws_access_key_id=key, aws_secret_access_key=secret)
            s3.create_bucket(Bucket=bucket)
            for pair in sys.argv[5:]:
                name, path = pair.split("=", 1)
                s3.upload_file(path, bucket, name, ExtraArgs={"ACL": "public-read"} if public else None)
            print(key, secret)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [python, "-c", script, endpoint, bucket, makeUser ? "1" : "0", publicRead ? "1" : "0"]
            + objects.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.path)" }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let words = printed.split(whereSeparator: \.isWhitespace).map(String.init)
        guard process.terminationStatus == 0, words.count == 2 else {
            throw ServerError("filling the bucket failed: \(failure.suffix(2_000))")
        }
        return (words[0], words[1])
    }
}
