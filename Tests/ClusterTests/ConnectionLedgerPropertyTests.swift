import Testing

@testable import Cluster

/// The ledger against a model under random event sequences: whatever order connections come and
/// go in, the counts it keeps are those of the connections it admitted and that are still open,
/// and no cap is ever exceeded.
struct ConnectionLedgerPropertyTests {
    @Test(arguments: [1, 2, 3, 4, 5])
    func countsMatchTheOpenAdmittedConnections(seed: UInt64) {
        var random = SplitMix(seed: seed)
        let caps = ConnectionCaps(maxPerAddress: 3, maxTotal: 8)
        var ledger = ConnectionLedger(caps: caps)
        // The model: open connections by key, with their address and whether they were admitted.
        var open: [ConnectionLedger.Key: (address: String, admitted: Bool)] = [:]
        for _ in 0..<5_000 {
            let key = ConnectionLedger.Key(
                socket: Int(random.next() % 2), descriptor: Int32(random.next() % 24))
            if open[key] != nil, random.next() % 3 != 0 {
                ledger.disconnected(key)
                open[key] = nil
            } else if open[key] == nil {
                let address = "10.0.0.\(random.next() % 4)"
                let admitted = ledger.accepted(key, address: address) == .admit
                open[key] = (address, admitted)
            }
            let live = open.values.filter(\.admitted)
            #expect(ledger.openCount == live.count)
            #expect(ledger.openCount <= caps.maxTotal)
            for n in 0..<4 {
                let count = live.filter { $0.address == "10.0.0.\(n)" }.count
                #expect(ledger.openCount(from: "10.0.0.\(n)") == count)
                #expect(count <= caps.maxPerAddress)
            }
        }
        #expect(ledger.refusedCount > 0, "the caps were reached")
    }
}

/// A small seeded generator, so a failing sequence can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
