import Foundation
import TestSupport
import Testing

/// With CURVE on, only clients with an authorised key can fetch jobs, push results or read status;
/// the server logs every refusal; with the right keys the run completes.
@Suite(.serialized) struct CurveSecurityTests {
    @Test func onlyAuthorisedClientsTakePart() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let keys = dir.path("keys")
            for name in ["server", "worker", "intruder"] {
                let made = try PressworkBinary.run(["keygen", name, "--directory", keys.path], in: dir.url)
                #expect(made.status == 0, "\(made.stderr)")
            }
            let secret = try String(contentsOf: keys.appendingPathComponent("server.key"), encoding: .utf8)
            #expect(secret.contains("secret"))
            let secretPath = keys.appendingPathComponent("server.key").path
            let mode = try FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? Int
            #expect(mode == 0o600, "the secret key is private")
            let authorized = dir.path("authorized.txt")
            let publics = try ["worker", "server"].map {
                try String(contentsOf: keys.appendingPathComponent("\($0).pub"), encoding: .utf8)
            }
            try publics.joined().write(to: authorized, atomically: true, encoding: .utf8)

            let file = dir.path("scrape.jsonl.gz")
            let list = dir.path("urls.txt")
            try Scrapes.generate(count: 1_500, format: "jsonl.gz", to: file, urls: list)
            let expected = Set(try Scrapes.urls(listedIn: list))
            let server = [
                "--curve-secret-key", keys.appendingPathComponent("server.key").path, "--curve-authorized",
                authorized.path,
                "--curve-server-key", keys.appendingPathComponent("server.pub").path,
            ]
            let worker = [
                "--curve-secret-key", keys.appendingPathComponent("worker.key").path,
                "--curve-server-key", keys.appendingPathComponent("server.pub").path,
            ]
            let intruderKeys = [
                "--curve-secret-key", keys.appendingPathComponent("intruder.key").path,
                "--curve-server-key", keys.appendingPathComponent("server.pub").path,
            ]
            let cluster = try LocalCluster(dir: dir)
            let coordinator = try cluster.startCoordinator(
                [file.path], extra: ["--batch", "16", "--keep-running"] + server.dropLast(2))
            try cluster.startCollector(extra: server)
            let intruder = try cluster.startWorker(extra: intruderKeys)
            let plain = try cluster.startWorker()
            // Both are up and the coordinator has turned the intruder's key away.
            #expect(
                cluster.waitUntil {
                    cluster.log(coordinator).contains("refused a connection")
                        && [intruder, plain].allSatisfy { cluster.log($0).contains("worker started") }
                }, "\(cluster.allLogs)")
            #expect(cluster.committedRecords == 0, "no unauthorised worker got a job")
            try cluster.startWorker(extra: worker)

            let statusArguments = [
                "status", "--coordinator", cluster.statusEndpoint, "--json", "--timeout", "1",
            ]
            #expect(
                cluster.waitUntil(timeout: 120) {
                    let outcome = try? PressworkBinary.run(statusArguments + worker, in: dir.url, timeout: 10)
                    return outcome?.stdout.contains(#""state":"finished""#) == true
                }, "with the right keys the run completes and status answers")
            let refusedStatus = try PressworkBinary.run(
                statusArguments + intruderKeys, in: dir.url, timeout: 10)
            #expect(refusedStatus.status == 1, "an unauthorised status client gets nothing")
            let plainStatus = try PressworkBinary.run(statusArguments, in: dir.url, timeout: 10)
            #expect(plainStatus.status == 1, "a client without CURVE gets nothing")

            let urls = try OutputDirectory(url: cluster.output).records.compactMap { $0["url"] as? String }
            #expect(urls.count == expected.count)
            #expect(Set(urls) == expected)
            let log = cluster.log(coordinator)
            #expect(log.contains("refused a connection"), "the server logs the refusal")
            #expect(log.contains("is not authorised"))
            // A client without CURVE fails the ZMTP mechanism handshake inside libzmq, before any
            // ZAP request: it is shut out (asserted above) without a line in our log.
            #expect(!log.contains("pid=\(intruder.processIdentifier)"))
            kill(coordinator.processIdentifier, SIGTERM)
            cluster.wait(coordinator, timeout: 20)
            for process in [intruder, plain] { kill(process.processIdentifier, SIGKILL) }
        }
    }
}
