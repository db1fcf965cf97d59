import Testing

@testable import Cluster

/// The connection caps as a state machine: accepted and disconnected events in, admit or refuse out.
struct ConnectionLedgerTests {
    typealias Key = ConnectionLedger.Key

    static func key(_ descriptor: Int32, socket: Int = 0) -> Key {
        Key(socket: socket, descriptor: descriptor)
    }

    @Test func refusesPastThePerAddressCapAndAdmitsOtherAddresses() {
        var ledger = ConnectionLedger(caps: ConnectionCaps(maxPerAddress: 2, maxTotal: 10))
        #expect(ledger.accepted(Self.key(10), address: "10.0.0.9") == .admit)
        #expect(ledger.accepted(Self.key(11), address: "10.0.0.9") == .admit)
        #expect(ledger.accepted(Self.key(12), address: "10.0.0.9") == .refuse(.perAddress, open: 2))
        #expect(ledger.accepted(Self.key(13), address: "10.0.0.1") == .admit, "another address gets in")
        #expect(ledger.openCount == 3)
        #expect(ledger.openCount(from: "10.0.0.9") == 2)
        #expect(ledger.refused == [.perAddress: 1])
        // The refused connection ends: nothing changes; an admitted one ends: room for one more.
        ledger.disconnected(Self.key(12))
        #expect(ledger.openCount(from: "10.0.0.9") == 2)
        ledger.disconnected(Self.key(10))
        #expect(ledger.openCount(from: "10.0.0.9") == 1)
        #expect(ledger.accepted(Self.key(10), address: "10.0.0.9") == .admit, "the reused descriptor")
    }

    @Test func refusesPastTheTotalCap() {
        var ledger = ConnectionLedger(caps: ConnectionCaps(maxPerAddress: 2, maxTotal: 3))
        for (descriptor, address) in [(20, "a"), (21, "b"), (22, "c")] {
            #expect(ledger.accepted(Self.key(Int32(descriptor)), address: address) == .admit)
        }
        #expect(ledger.accepted(Self.key(23), address: "d") == .refuse(.total, open: 3))
        ledger.disconnected(Self.key(21))
        #expect(ledger.accepted(Self.key(24), address: "d") == .admit)
        #expect(ledger.refusedCount == 1)
    }

    @Test func socketsAreCountedTogetherButKeyedApart() {
        var ledger = ConnectionLedger(caps: ConnectionCaps(maxPerAddress: 2, maxTotal: 10))
        // The same descriptor number on two sockets: two reports, not one connection seen twice.
        #expect(ledger.accepted(Self.key(30, socket: 0), address: "x") == .admit)
        #expect(ledger.accepted(Self.key(30, socket: 1), address: "x") == .admit)
        #expect(ledger.accepted(Self.key(31, socket: 1), address: "x") == .refuse(.perAddress, open: 2))
        ledger.disconnected(Self.key(30, socket: 0))
        #expect(ledger.openCount == 1)
        #expect(ledger.openCount(from: "x") == 1)
    }

    @Test func aDescriptorAcceptedAgainWithoutItsEndIsCountedOnce() {
        var ledger = ConnectionLedger(caps: ConnectionCaps(maxPerAddress: 1, maxTotal: 10))
        #expect(ledger.accepted(Self.key(40), address: "x") == .admit)
        #expect(ledger.accepted(Self.key(40), address: "x") == .admit, "the old entry is replaced")
        #expect(ledger.openCount == 1)
        ledger.disconnected(Self.key(40))
        ledger.disconnected(Self.key(40))
        #expect(ledger.openCount == 0, "an unknown end changes nothing")
        #expect(ledger.openCount(from: "x") == 0)
    }

    @Test func aConnectionOfUnknownAddressIsAdmittedAndCounted() {
        var ledger = ConnectionLedger(caps: ConnectionCaps(maxPerAddress: 1, maxTotal: 1))
        #expect(ledger.accepted(Self.key(50), address: nil) == .admit, "nothing to identify it by")
        #expect(ledger.openCount == 1)
        #expect(ledger.accepted(Self.key(51), address: "x") == .refuse(.total, open: 1))
        ledger.disconnected(Self.key(50))
        #expect(ledger.accepted(Self.key(52), address: "x") == .admit)
    }

    @Test func theTotalIsFittedToTheOpenFileLimit() {
        let caps = ConnectionCaps()
        #expect(caps.fitted(toOpenFiles: 1_024).maxTotal == 768)
        #expect(caps.fitted(toOpenFiles: 1 << 20).maxTotal == 4_096)
        #expect(caps.fitted(toOpenFiles: 100).maxTotal == 16)
        #expect(caps.fitted(toOpenFiles: 1_024).maxPerAddress == 128)
    }
}
