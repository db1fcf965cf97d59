import Foundation
import TestSupport
import Testing

/// Coordinator and collector on one host, workers on two others: three network namespaces joined
/// by veth links, talking tcp over their own addresses. Skips where namespaces cannot be made.
@Suite(.serialized) struct AcrossMachinesTests {
    @Test func workersOnOtherHostsProduceTheExactOutput() async throws {
        try await ProcessTestSlots.run {
            let (made, reason) = NetworkNamespaces.make(leaves: 2)
            guard let hosts = made else {
                print("skipped: \(reason ?? "no namespaces")")
                return
            }
            defer { hosts.destroy() }
            let dir = try TemporaryDirectory()
            let scrape = dir.path("scrape.warc.gz")
            let list = dir.path("urls.txt")
            try Scrapes.generate(count: 2_000, format: "warc.gz", to: scrape, urls: list)
            let expected = Set(try Scrapes.urls(listedIn: list))
            let out = dir.path("out")
            var processes: [Process] = []
            defer {
                for process in processes where process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    process.waitUntilExit()
                }
            }
            let hub = NetworkNamespaces.exec(in: hosts.hub)
            let coordinator = try PressworkBinary.start(
                [
                    "coordinator", scrape.path, "--bind", "tcp://*:5555", "--status-bind",
                    "tcp://127.0.0.1:5557",
                    "--batch", "32", "--log-level", "info",
                ], logs: dir.url, name: "coordinator", prefix: hub)
            processes.append(coordinator)
            processes.append(
                try PressworkBinary.start(
                    [
                        "collector", "--bind", "tcp://*:5556", "--coordinator", "tcp://127.0.0.1:5555", "-o",
                        out.path,
                        "--shards", "4",
                    ], logs: dir.url, name: "collector", prefix: hub))
            for (index, leaf) in hosts.leaves.enumerated() {
                let address = hosts.hubAddresses[index]
                processes.append(
                    try PressworkBinary.start(
                        [
                            "worker", "--coordinator", "tcp://\(address):5555", "--collector",
                            "tcp://\(address):5556",
                            "--threads", "1", "--log-level", "info",
                        ], logs: dir.url, name: "worker\(index)",
                        prefix: NetworkNamespaces.exec(in: leaf)))
            }
            Waiting.forExit(of: coordinator, timeout: 120)
            let log = (try? String(contentsOf: dir.path("coordinator.err"), encoding: .utf8)) ?? ""
            #expect(coordinator.terminationStatus == 0, "\(log.suffix(2_000))")
            let urls = try OutputDirectory(url: out).records.compactMap { $0["url"] as? String }
            #expect(urls.count == expected.count)
            #expect(Set(urls) == expected)
            for index in 0..<2 {
                let workerLog =
                    (try? String(contentsOf: dir.path("worker\(index).err"), encoding: .utf8)) ?? ""
                #expect(log.contains("worker joined"), "the coordinator saw the workers")
                #expect(workerLog.contains("worker finished"), "\(workerLog.suffix(1_000))")
                #expect(!workerLog.contains("articles=0 "), "every host did some of the work")
            }
        }
    }
}
