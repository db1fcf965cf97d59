import Foundation
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
