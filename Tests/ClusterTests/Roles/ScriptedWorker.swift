import Foundation
import ZeroMQ

@testable import Cluster

/// A worker the test speaks for, message by message, over a real DEALER: it takes jobs and
/// returns credit or results exactly when the test says, so the coordinator's and the collector's
/// answers to each step can be checked.
final class ScriptedWorker {
    let name: String
    private let context: ZMQContext
    private let dealer: ZMQSocket
    private var push: ZMQSocket?

    init(_ name: String, coordinator endpoint: String) throws {
        self.name = name
        context = try ZMQContext()
        dealer = try ZMQSocket(context: context, type: .dealer)
        try dealer.setLinger(milliseconds: 0)
        try dealer.setRoutingID(Array(name.utf8))
        try dealer.setReceiveTimeout(milliseconds: 10_000)
        try dealer.connect(endpoint)
    }

    deinit {
        dealer.close()
        push?.close()
    }

    func send<Body: Codable>(_ kind: MessageKind, _ body: Body) throws {
        _ = try dealer.send([WireCodec.encode(kind, body)])
    }

    func hello(credit: Int, threads: Int = 1) throws {
        let peer = PeerInfo(id: name, role: "worker", host: "test", pid: 1, threads: threads)
        try send(.hello, HelloBody(peer: peer, credit: credit, committed: nil))
    }

    func credit(_ slots: Int, done job: String? = nil) throws {
        try send(.credit, CreditBody(n: slots, done: job))
    }

    func heartbeat() throws { try send(.heartbeat, HeartbeatBody(figures: nil)) }

    /// Every job the coordinator has sent so far, in order. The coordinator answers the message
    /// sent last (one it does not expect) with an `error` after everything it sent before, so when
    /// the error arrives nothing it did in response to earlier messages is still on its way.
    func jobsSoFar() throws -> [JobHeader] {
        try send(.statusRequest, EmptyBody())
        var jobs: [JobHeader] = []
        while true {
            guard let frames = try dealer.receive(), let header = frames.first else {
                throw ScriptError("no answer from the coordinator")
            }
            switch try WireCodec.kind(of: header) {
            case .job: jobs.append(try WireCodec.body(JobHeader.self, from: header))
            case .error: return jobs
            default: continue  // heartbeats, finish
            }
        }
    }

    /// Pushes a result for `job` to the collector: one minimal record per article.
    func pushResult(for job: JobHeader, to collector: String) throws {
        if push == nil {
            let socket = try ZMQSocket(context: context, type: .push)
            try socket.setLinger(milliseconds: 2_000)
            try socket.connect(collector)
            push = socket
        }
        let ids = job.articles.map(\.id)
        let header = ResultHeader(
            job: job.job, attempt: job.attempt, worker: name, ids: ids, deadLetters: 0, failedStages: [:],
            lease: job.lease)
        let lines = job.articles.map { article in
            Array(#"{"id":"\#(article.id)","url":"\#(article.url ?? "")","pipeline":"scripted"}"#.utf8)
        }
        _ = try push?.send([WireCodec.encode(.result, header)] + lines)
    }

    /// A step the coordinator did not answer as the script expects.
    struct ScriptError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
