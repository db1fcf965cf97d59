import ArticlePipeline
import Foundation
import ScrapeIO
import Testing

@testable import Cluster

@Suite struct WireCodecTests {
    @Test func roundTripsAHeader() throws {
        let frame = WireCodec.encode(.credit, CreditBody(n: 7))
        #expect(try WireCodec.kind(of: frame) == .credit)
        #expect(try WireCodec.body(CreditBody.self, from: frame).n == 7)
    }

    @Test func rejectsAnotherProtocolVersionWithAClearReason() throws {
        let frame = Array(#"{"v":99,"t":"credit","b":{"n":1}}"#.utf8)
        let error = #expect(throws: WireError.self) { try WireCodec.kind(of: frame) }
        #expect(error?.reason.contains("version 99") == true)
    }

    @Test func rejectsGarbageAndUnknownKinds() {
        #expect(throws: WireError.self) { try WireCodec.kind(of: [0xff, 0x00, 0x13]) }
        #expect(throws: WireError.self) { try WireCodec.kind(of: Array(#"{"v":1,"t":"teleport"}"#.utf8)) }
        let frame = WireCodec.encode(.credit, CreditBody(n: 1))
        #expect(throws: WireError.self) { try WireCodec.body(JobHeader.self, from: frame) }
    }
}

@Suite struct ReferencedArticleTests {
    private static let payload = StoredPayload(
        file: "/data/crawl.warc", offset: 1_234_567, length: 98_765, isHTTP: true)

    private static func meta(_ payload: StoredPayload?) -> ArticleMeta {
        var meta = ArticleMeta(
            RawArticle(
                url: "https://example.org/a", body: [], contentType: "text/html",
                source: SourceLocation(path: "crawl.warc", offset: 1_234_000)))
        meta.payload = payload
        return meta
    }

    @Test func aJobHeaderCarriesTheReference() throws {
        let header = JobHeader(
            job: "job-0000001", attempt: 1, articles: [Self.meta(Self.payload)], failures: [])
        let decoded = try WireCodec.body(JobHeader.self, from: WireCodec.encode(.job, header))
        #expect(decoded.articles == header.articles)
        #expect(decoded.articles.first?.payload == Self.payload)
    }

    @Test func aWorkerThatCannotReadTheReferencedFileDeadLettersTheArticleWithTheReason() async throws {
        var missing = Self.payload
        missing.file = NSTemporaryDirectory() + "no-such-input-\(UUID().uuidString).warc"
        let header = JobHeader(
            job: "job-0000001", attempt: 2, articles: [Self.meta(missing), Self.meta(nil)], failures: [])
        let (stream, finishedJobs) = AsyncStream.makeStream(of: FinishedJob.self)
        let lanes = ArticleLanes(threads: 1, pipeline: .init(), emptyPipeline: true) {
            finishedJobs.yield($0)
        }
        defer { lanes.shutdown() }
        lanes.submit(header, bodies: [[], Array("<p>inline body</p>".utf8)])
        var iterator = stream.makeAsyncIterator()
        let finished = try #require(await iterator.next())
        #expect(finished.ids.count == 1, "the inline article still becomes a record")
        #expect(finished.failedStages == ["read": 1])
        let line = try #require(finished.deadLetters.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
        #expect(object["stage"] as? String == "read")
        #expect(object["attempts"] as? Int == 2)
        #expect(
            (object["reason"] as? String)?.hasPrefix("cannot open referenced input \(missing.file)") == true)
    }
}
