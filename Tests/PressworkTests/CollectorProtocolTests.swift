import Cluster
import Foundation
import TestSupport
import Testing
import ZeroMQ

/// The collector process against a coordinator and a worker played by this test over tcp loopback:
/// what it tells the coordinator when a job it already committed arrives again.
@Suite(.serialized) struct CollectorProtocolTests {
    /// A coordinator that died after the commit of a job but before it heard of it re-runs the job;
    /// the collector drops the duplicate and announces the commit again, or that job's lease would
    /// expire for ever.
    @Test func duplicateOfACommittedJobIsAnnouncedAgain() async throws {
        try await ProcessTestSlots.run {
            let dir = try TemporaryDirectory()
            let cluster = try LocalCluster(dir: dir)
            let context = try ZMQContext()
            let coordinator = try ZMQSocket(context: context, type: .router)
            try coordinator.setLinger(milliseconds: 0)
            try coordinator.setReceiveTimeout(milliseconds: 10_000)
            try coordinator.bind(cluster.coordinatorEndpoint)
            let collector = try cluster.startCollector(shards: 1)
            defer {
                kill(collector.processIdentifier, SIGKILL)
                coordinator.close()
            }
            #expect(try Self.next("hello", on: coordinator) != nil, "the collector says hello")

            let worker = try ZMQSocket(context: context, type: .push)
            try worker.setLinger(milliseconds: 0)
            try worker.connect(cluster.collectorEndpoint)
            let result = try Self.result(job: "job-0000001", id: "article-1", keyFile: cluster.leaseKeyFile)
            try worker.send(result)
            let first = try #require(
                try Self.next("committed", on: coordinator), "the first result is committed")
            #expect(first.contains("job-0000001"))

            try worker.send(result)
            let again = try #require(
                try Self.next("committed", on: coordinator), "the duplicate is announced")
            #expect(again.contains("job-0000001"))
            #expect(again.contains(#""duplicatesDropped":1"#), "\(again)")
            worker.close()
        }
    }

    /// The header and record frames a worker pushes for one job of one article, with the lease a
    /// coordinator holding the key in `keyFile` would have signed.
    static func result(job: String, id: String, keyFile: URL) throws -> [[UInt8]] {
        let key = try #require(Hex.decode(try String(contentsOf: keyFile, encoding: .utf8)))
        let signer = try #require(LeaseSigner(key: key))
        let token = signer.token(
            job: job, attempt: 1, worker: "w-test", idsDigest: LeaseSigner.digest(ofIDs: [id]))
        let lease = #"{"worker":"w-test","token":"\#(token)"}"#
        let header =
            #"{"v":\#(WireProtocol.version),"t":"result","b":{"job":"\#(job)","attempt":1,"worker":"w-test","ids":["\#(id)"],"deadLetters":0,"failedStages":{},"lease":\#(lease)}}"#
        let record = #"{"id":"\#(id)","url":"https://example.org/\#(id)"}"#
        return [Array(header.utf8), Array(record.utf8)]
    }

    /// The text of the next message of kind `kind` on the ROUTER (others skipped), or nil on timeout.
    static func next(_ kind: String, on socket: ZMQSocket) throws -> String? {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            guard let frames = try socket.receive(), frames.count >= 2 else { return nil }
            let text = String(decoding: frames[1], as: UTF8.self)
            if text.contains(#""t":"\#(kind)""#) { return text }
        }
        return nil
    }
}
