import Testing
import ZeroMQ

@testable import Cluster

@Suite struct ZAPPolicyTests {
    func request(mechanism: String, address: String = "10.1.1.1", key: [UInt8]? = nil) -> [[UInt8]] {
        var frames: [[UInt8]] = [
            Array("1.0".utf8), Array("7".utf8), Array("presswork".utf8), Array(address.utf8), [],
            Array(mechanism.utf8),
        ]
        if let key { frames.append(key) }
        return frames
    }

    func curve(authorizing keys: Set<String>) throws -> CurveSettings {
        var settings = CurveSettings()
        settings.ownKeys = try CurveKeyPair.generate()
        settings.authorizedClients = keys
        return settings
    }

    @Test func admitsOnlyAuthorisedCurveKeys() throws {
        let friend = [UInt8](repeating: 1, count: 32)
        let stranger = [UInt8](repeating: 2, count: 32)
        let friendText = try #require(CurveKeyPair.z85(binaryKey: friend))
        var policy = ZAPPolicy(curve: try curve(authorizing: [friendText]))
        let now = Moment(nanoseconds: 0)
        let yes = policy.decide(request(mechanism: "CURVE", key: friend), now: now)
        #expect(yes.admitted && yes.code == "200" && yes.user == friendText)
        let no = policy.decide(request(mechanism: "CURVE", key: stranger), now: now)
        #expect(!no.admitted && no.code == "400" && no.text.contains("not authorised"))
        let reply = no.reply(to: request(mechanism: "CURVE", key: stranger))
        #expect(reply.count == 6 && reply[1] == Array("7".utf8) && reply[2] == Array("400".utf8))
    }

    @Test func plainConnectionsOnlyWithoutCurve() throws {
        var open = ZAPPolicy(curve: CurveSettings())
        #expect(open.decide(request(mechanism: "NULL"), now: Moment(nanoseconds: 0)).admitted)
        var closed = ZAPPolicy(curve: try curve(authorizing: []))
        #expect(!closed.decide(request(mechanism: "NULL"), now: Moment(nanoseconds: 0)).admitted)
        #expect(!closed.decide(request(mechanism: "PLAIN"), now: Moment(nanoseconds: 0)).admitted)
    }

    @Test func limitsNewConnectionsPerAddressPerSecond() {
        var policy = ZAPPolicy(curve: CurveSettings(), handshakesPerSecond: 3)
        var clock = ManualClock()
        let first = (0..<5).map { _ in policy.decide(request(mechanism: "NULL"), now: clock.now).admitted }
        #expect(first == [true, true, true, false, false])
        #expect(policy.decide(request(mechanism: "NULL", address: "10.9.9.9"), now: clock.now).admitted)
        clock.advance(.seconds(1))
        #expect(
            policy.decide(request(mechanism: "NULL"), now: clock.now).admitted,
            "a new second, a new allowance")
    }

    @Test func malformedRequestsAreRefused() {
        var policy = ZAPPolicy(curve: CurveSettings())
        #expect(policy.decide([Array("2.0".utf8)], now: Moment(nanoseconds: 0)).code == "500")
    }
}
