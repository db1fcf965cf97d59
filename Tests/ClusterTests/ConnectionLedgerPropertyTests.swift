import TestSupport
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
