import ArticlePipeline
import ScrapeIO
import Testing

@testable import Cluster

/// Every number and name a peer sends is checked when its message is decoded (issue 15, part 1):
/// each case here decoded fine before, and then crashed or misled a role.
@Suite struct WireValidationTests {
    /// A header frame with `body` spliced in as raw JSON, the way a hostile peer writes it.
    static func frame(_ kind: String, _ body: String) -> [UInt8] {
        Array(#"{"v":\#(WireProtocol.version),"t":"\#(kind)","b":\#(body)}"#.utf8)
    }

    static let peer = #"{"id":"w-1","role":"worker","host":"h","pid":1,"threads":2}"#

    func rejects<Body: WireBody>(_ type: Body.Type, _ kind: String, _ body: String) -> String? {
        let error = #expect(throws: WireError.self) {
            try WireCodec.body(type, from: Self.frame(kind, body))
        }
        return error?.reason
    }

    @Test func helloWithHugeOrNegativeCreditIsRejected() throws {
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(Self.peer),"credit":9223372036854775807}"#)
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(Self.peer),"credit":-1}"#)
        let fine = try WireCodec.body(
            HelloBody.self, from: Self.frame("hello", #"{"peer":\#(Self.peer),"credit":4}"#))
        #expect(fine.credit == 4)
    }

    @Test func creditOfIntMaxIsRejected() {
        _ = rejects(CreditBody.self, "credit", #"{"n":9223372036854775807}"#)
        _ = rejects(CreditBody.self, "credit", #"{"n":-3}"#)
    }

    @Test func peerNamesMustBeShortAndPrintable() {
        let newline = #"{"id":"w-1\nINFO forged line","role":"worker","host":"h","pid":1,"threads":2}"#
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(newline),"credit":1}"#)
        let long =
            #"{"id":"\#(String(repeating: "w", count: 300))","role":"worker","host":"h","pid":1,"threads":2}"#
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(long),"credit":1}"#)
        let threads = #"{"id":"w","role":"worker","host":"h","pid":1,"threads":0}"#
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(threads),"credit":1}"#)
        let role = #"{"id":"w","role":"admin","host":"h","pid":1,"threads":1}"#
        _ = rejects(HelloBody.self, "hello", #"{"peer":\#(role),"credit":1}"#)
    }

    @Test func resultCountsMustBeBoundedAndAddUp() {
        let base = #""job":"job-0000001","attempt":1,"worker":"w","ids":["a"]"#
        _ = rejects(
            ResultHeader.self, "result", #"{\#(base),"deadLetters":9223372036854775807,"failedStages":{}}"#)
        _ = rejects(ResultHeader.self, "result", #"{\#(base),"deadLetters":-1,"failedStages":{}}"#)
        _ = rejects(ResultHeader.self, "result", #"{\#(base),"deadLetters":1,"failedStages":{"read":-5}}"#)
        _ = rejects(
            ResultHeader.self, "result",
            #"{\#(base),"deadLetters":1,"failedStages":{"read":9223372036854775807}}"#)
        _ = rejects(
            ResultHeader.self, "result", #"{\#(base),"deadLetters":1,"failedStages":{"read":1,"decode":1}}"#)
        _ = rejects(
            ResultHeader.self, "result",
            #"{"job":"job-0000001","attempt":0,"worker":"w","ids":[],"deadLetters":0,"failedStages":{}}"#)
    }

    @Test func collectorFiguresMustBeNonNegativeAndOfKnownStages() {
        let figures =
            #""records":1,"failures":1,"storedBytes":10,"files":1,"duplicatesDropped":0,"committedJobs":1"#
        _ = rejects(
            CommittedBody.self, "committed",
            #"{"jobs":[],"figures":{\#(figures),"failuresByStage":{"x\u0001":1}}}"#)
        _ = rejects(
            CommittedBody.self, "committed",
            #"{"jobs":[],"figures":{\#(figures),"failuresByStage":{"stage-20000":1}}}"#)
        _ = rejects(
            CommittedBody.self, "committed",
            #"{"jobs":[],"figures":{"records":-1,"failures":1,"storedBytes":10,"files":1,"duplicatesDropped":0,"committedJobs":1,"failuresByStage":{}}}"#
        )
    }

    @Test func aReferenceEndingPastTheLargestFileOffsetIsRejected() {
        let article =
            #"{"id":"a","source":{"path":"x"},"payload":{"file":"/x.warc","offset":9223372036854775808,"length":10,"isHTTP":true}}"#
        _ = rejects(
            JobHeader.self, "job", #"{"job":"job-1","attempt":1,"articles":[\#(article)],"failures":[]}"#)
        let negative =
            #"{"id":"a","source":{"path":"x"},"payload":{"file":"/x.warc","offset":0,"length":-1,"isHTTP":true}}"#
        _ = rejects(
            JobHeader.self, "job", #"{"job":"job-1","attempt":1,"articles":[\#(negative)],"failures":[]}"#)
    }

    @Test func anUnknownKindIsReportedEscaped() {
        let error = #expect(throws: WireError.self) {
            try WireCodec.kind(of: Array(#"{"v":\#(WireProtocol.version),"t":"x\nERROR forged"}"#.utf8))
        }
        #expect(error?.reason.contains("\n") == false)
        #expect(error?.reason.contains(#"x\nERROR forged"#) == true)
    }

    @Test func aMessageIsCappedAsAWholeNotPerFrame() throws {
        let frames = [[UInt8]](repeating: [UInt8](repeating: 0, count: 600), count: 4)
        #expect(throws: WireError.self) {
            try WireCodec.checkSize(of: frames, maxFrames: 10, maxBytes: 2_000)
        }
        #expect(throws: WireError.self) {
            try WireCodec.checkSize(of: frames, maxFrames: 3, maxBytes: 10_000)
        }
        try WireCodec.checkSize(of: frames, maxFrames: 4, maxBytes: 2_400)
    }

    @Test func unknownStagesAreCountedAsOther() {
        #expect(WireLimits.stageLabel("read") == "read")
        #expect(WireLimits.stageLabel("stage-19999") == "other")
    }
}
