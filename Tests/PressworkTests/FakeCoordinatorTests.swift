import Foundation
import Testing
import ZeroMQ

/// A real worker against a coordinator and a collector played by this test (issue 15, parts 1
/// and 5): a job whose reference ends past the largest file offset gets an `error` reply instead
/// of killing the worker, and references outside the worker's input roots are dead-lettered unread.
@Suite(.serialized) struct FakeCoordinatorTests {
    static func job(_ name: String, _ articles: [String]) -> [UInt8] {
        HostilePeer.frame(
            "job",
            #"{"job":"\#(name)","attempt":1,"articles":[\#(articles.joined(separator: ","))],"failures":[]}"#)
    }

    static func article(_ id: String, file: String, offset: String = "0", length: Int) -> String {
        #"{"id":"\#(id)","source":{"path":"\#(file)"},"payload":{"file":"\#(file)","offset":\#(offset),"length":\#(length),"isHTTP":false}}"#
    }

    @Test func aWorkerNeitherCrashesNorReadsOutsideItsInputRoots() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let root = dir.path("inputs")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let page = root.appendingPathComponent("page.html")
            let html = "<html><body><p>Inside the input root.</p></body></html>"
            try Data(html.utf8).write(to: page)
            let cluster = LocalCluster(dir: dir)
            let peer = try HostilePeer()
            let coordinator = try peer.bound(.router, at: cluster.coordinatorEndpoint)
            let collector = try peer.bound(.pull, at: cluster.collectorEndpoint)
            let worker = try cluster.startWorker(extra: ["--input-root", root.path, "--empty-pipeline"])
            defer { kill(worker.processIdentifier, SIGKILL) }
            let hello = try #require(try HostilePeer.next("hello", on: coordinator, headerIndex: 1))
            let identity = hello[0]

            let past = Self.article("a0", file: page.path, offset: "9223372036854775808", length: 10)
            try coordinator.send([identity, Self.job("job-0000001", [past])])
            let refusal = try #require(try HostilePeer.next("error", on: coordinator, headerIndex: 1))
            #expect(String(decoding: refusal[1], as: UTF8.self).contains("largest file offset"))

            let articles = [
                Self.article("a1", file: "/etc/passwd", length: 64),
                Self.article("a2", file: "/proc/self/environ", length: 64),
                Self.article("a3", file: root.path + "/../../../etc/passwd", length: 64),
                Self.article("a4", file: page.path, length: html.utf8.count),
            ]
            try coordinator.send([identity, Self.job("job-0000002", articles), [], [], [], []])
            let result = try #require(try HostilePeer.next("result", on: collector))
            let header = String(decoding: result[0], as: UTF8.self)
            #expect(header.contains(#""ids":["a4"]"#), "\(header)")
            #expect(header.contains(#""deadLetters":3"#), "\(header)")
            let lines = result.dropFirst().map { String(decoding: $0, as: UTF8.self) }
            #expect(lines.filter { $0.contains("outside the allowed input roots") }.count == 3, "\(lines)")
            #expect(!lines.contains { $0.contains("root:") }, "nothing of /etc/passwd in the output")
            #expect(worker.isRunning, "\(cluster.log(worker))")
        }
    }
}
