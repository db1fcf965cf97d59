import Foundation
import TestSupport
import Testing
import ZeroMQ

/// A real worker against a coordinator and a collector played by this test (issue 15, parts 1
/// and 5): a job whose reference ends past the largest file offset gets an `error` reply instead
/// of killing the worker, and references outside the worker's input roots are dead-lettered unread;
/// an oversize job is dropped uncopied.
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
            let cluster = try LocalCluster(dir: dir)
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

    /// A job over the worker's `--max-job-mb` (in bytes) or over the largest job (in frames) is
    /// dropped as it is received, uncopied, and answered with `error`; the worker stays up, within
    /// bounded memory, and the next job is processed.
    @Test func aWorkerDropsOversizeJobsUncopied() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let cluster = try LocalCluster(dir: dir)
            let peer = try HostilePeer()
            let coordinator = try peer.bound(.router, at: cluster.coordinatorEndpoint)
            let collector = try peer.bound(.pull, at: cluster.collectorEndpoint)
            let worker = try cluster.startWorker(extra: ["--max-job-mb", "16", "--empty-pipeline"])
            defer { kill(worker.processIdentifier, SIGKILL) }
            let hello = try #require(try HostilePeer.next("hello", on: coordinator, headerIndex: 1))
            let identity = hello[0]
            func inline(_ id: String) -> String { #"{"id":"\#(id)","source":{"path":"p\#(id)"}}"# }

            // 6 bodies of 8 MB: each under the 16-MB frame cap, all together over the job cap.
            let body = [UInt8](repeating: 0x61, count: 8 << 20)
            let six = (1...6).map { inline("big\($0)") }
            try coordinator.send(
                [identity, Self.job("job-0000001", six)] + Array(repeating: body, count: 6))
            let bytesRefusal = try #require(try HostilePeer.next("error", on: coordinator, headerIndex: 1))
            let bytesReason = String(decoding: bytesRefusal[1], as: UTF8.self)
            #expect(bytesReason.contains("exceeds the 16777216-byte cap"), "\(bytesReason)")

            // A header and 20,001 empty frames: over the 10,001 frames of the largest job.
            try coordinator.send(
                [identity, Self.job("job-0000002", [inline("x")])] + Array(repeating: [], count: 20_001))
            let framesRefusal = try #require(try HostilePeer.next("error", on: coordinator, headerIndex: 1))
            let framesReason = String(decoding: framesRefusal[1], as: UTF8.self)
            #expect(framesReason.contains("10001-frame cap"), "\(framesReason)")

            try coordinator.send(
                [identity, Self.job("job-0000003", [inline("ok")]), Array("<p>fine</p>".utf8)])
            let result = try #require(try HostilePeer.next("result", on: collector))
            let header = String(decoding: result[0], as: UTF8.self)
            #expect(header.contains(#""ids":["ok"]"#), "\(header)")
            #expect(worker.isRunning, "\(cluster.log(worker))")
            // libzmq holds the 48-MB job while it arrives; at most 16 MB of it is copied.
            let peak = try #require(HostilePeer.peakMemoryMB(worker))
            print("worker peak RSS under a 48-MB job: \(peak) MB")
            #expect(peak < 150, "the worker held \(peak) MB at most")
            let refusals = cluster.log(worker).split(separator: "\n").filter {
                $0.contains("oversize message")
            }
            #expect(refusals.count == 1, "one line for both refusals in the window: \(refusals)")
        }
    }
}
