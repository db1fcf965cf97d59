import Testing

@testable import Cluster

/// What the collector writes is bound to what the coordinator handed out (issue 15, part 2).
@Suite struct ResultAdmissionTests {
    static let signer = LeaseSigner(key: [UInt8](repeating: 7, count: 32))!
    static let articles = ["a1", "a2", "a3"]

    /// The lease the coordinator would sign for attempt `attempt` of `job-0000001` with `articles`.
    static func lease(attempt: Int = 1, ids: [String] = articles, worker: String = "w-1") -> LeaseGrant {
        let digest = LeaseSigner.digest(ofIDs: ids)
        return LeaseGrant(
            worker: worker,
            token: signer.token(job: "job-0000001", attempt: attempt, worker: worker, idsDigest: digest))
    }

    static func record(_ id: String) -> [UInt8] { Array(#"{"id":"\#(id)","text":"x"}"#.utf8) }
    static func deadLetter(_ id: String, stage: String = "decode") -> [UInt8] {
        Array(#"{"id":"\#(id)","source":"s","stage":"\#(stage)","reason":"r","attempts":1}"#.utf8)
    }

    static func header(ids: [String], deadLetters: Int, lease: LeaseGrant?, attempt: Int = 1) -> ResultHeader
    {
        ResultHeader(
            job: "job-0000001", attempt: attempt, worker: "w-1", ids: ids, deadLetters: deadLetters,
            failedStages: [:], lease: lease)
    }

    let admission = ResultAdmission(signer: signer)

    @Test func anHonestResultIsAdmittedWithItsStagesCountedFromTheLines() throws {
        let lines = [Self.record("a1"), Self.record("a3"), Self.deadLetter("a2", stage: "made-up")]
        let admitted = try admission.admit(
            Self.header(ids: ["a1", "a3"], deadLetters: 1, lease: Self.lease()), lines: lines[...])
        #expect(admitted.records.map(\.id) == ["a1", "a3"])
        #expect(admitted.deadLetters.count == 1)
        #expect(admitted.stages == ["other": 1], "an unknown stage name is counted as other")
    }

    @Test func aResultForAJobNeverHandedOutIsRefused() {
        // The issue's first row: `ids: []`, `deadLetters: 0`, no lease.
        #expect(throws: WireError.self) {
            try admission.admit(Self.header(ids: [], deadLetters: 0, lease: nil), lines: [])
        }
        let forged = LeaseGrant(worker: "w-1", token: String(repeating: "0", count: 64))
        #expect(throws: WireError.self) {
            try admission.admit(Self.header(ids: [], deadLetters: 0, lease: forged), lines: [])
        }
    }

    @Test func aValidLeaseDoesNotCoverOtherArticlesOrAnotherAttempt() {
        let lines = [Self.record("a1"), Self.record("a2")]
        #expect(throws: WireError.self, "two of the three articles only") {
            try admission.admit(
                Self.header(ids: ["a1", "a2"], deadLetters: 0, lease: Self.lease()), lines: lines[...])
        }
        let all = [Self.record("a1"), Self.record("a2"), Self.record("a3")]
        #expect(throws: WireError.self, "the lease of attempt 1 presented as attempt 2") {
            try admission.admit(
                Self.header(ids: Self.articles, deadLetters: 0, lease: Self.lease(attempt: 1), attempt: 2),
                lines: all[...])
        }
        let other = [Self.record("a1"), Self.record("a2"), Self.record("zz")]
        #expect(throws: WireError.self, "an article swapped for another") {
            try admission.admit(
                Self.header(ids: ["a1", "a2", "zz"], deadLetters: 0, lease: Self.lease()), lines: other[...])
        }
    }

    @Test func recordLinesMustBeOneJSONObjectWithTheNamedID() {
        let lease = Self.lease()
        let cases: [[UInt8]] = [
            Array("not json".utf8),
            Array(#"{"id":"a3","text":"line one"#.utf8) + [0x0A] + Array(#"line two"}"#.utf8),
            Array(#"{"id":"a3"}"#.utf8) + [0x0A] + Array(#"{"id":"a9"}"#.utf8),
            Array(#"{"id":"a9"}"#.utf8),
            Array(#"["a3"]"#.utf8),
        ]
        for bad in cases {
            let lines = [Self.record("a1"), Self.record("a2"), bad]
            #expect(throws: WireError.self) {
                try admission.admit(
                    Self.header(ids: Self.articles, deadLetters: 0, lease: lease), lines: lines[...])
            }
        }
    }

    @Test func theLineCountMustMatchTheHeader() {
        let lines = [Self.record("a1"), Self.record("a2"), Self.record("a3"), Self.record("a3")]
        #expect(throws: WireError.self) {
            try admission.admit(
                Self.header(ids: Self.articles, deadLetters: 0, lease: Self.lease()), lines: lines[...])
        }
    }

    @Test func withoutAKeyLinesAreStillChecked() throws {
        let open = ResultAdmission(signer: nil)
        _ = try open.admit(Self.header(ids: ["a1"], deadLetters: 0, lease: nil), lines: [Self.record("a1")])
        #expect(throws: WireError.self) {
            try open.admit(Self.header(ids: ["a1"], deadLetters: 0, lease: nil), lines: [Array("{".utf8)])
        }
    }

    @Test func theCollectorProofDependsOnTheKeyAndThePeer() {
        let other = LeaseSigner(key: [UInt8](repeating: 8, count: 32))!
        #expect(Self.signer.collectorProof(peerID: "c-1") == Self.signer.collectorProof(peerID: "c-1"))
        #expect(Self.signer.collectorProof(peerID: "c-1") != Self.signer.collectorProof(peerID: "c-2"))
        #expect(Self.signer.collectorProof(peerID: "c-1") != other.collectorProof(peerID: "c-1"))
        #expect(LeaseSigner(key: [1, 2, 3]) == nil, "short keys are refused")
    }
}
