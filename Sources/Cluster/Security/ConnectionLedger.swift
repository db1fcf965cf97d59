/// The connections a role's bound sockets hold, and whether a new one is within `ConnectionCaps`:
/// a pure state machine fed the accepted and disconnected events of the sockets' monitors, which
/// answers each accepted connection with the action to take. Tested without sockets.
///
/// A connection is known by its socket and descriptor. Events of one socket arrive in order, so a
/// descriptor is always seen to close before it is seen again; keying by socket as well keeps two
/// sockets' streams (which are not ordered against each other) apart. A refused connection stays
/// listed, not counted, until its own `disconnected` arrives.
struct ConnectionLedger {
    /// One connection: the index of the monitored socket and the connection's descriptor.
    struct Key: Hashable {
        var socket: Int
        var descriptor: Int32
    }

    /// Which cap a refused connection was over (also the metric label).
    enum Cap: String, Sendable, CaseIterable {
        case perAddress = "per_address"
        case total
    }

    /// What to do with a connection just accepted.
    enum Action: Equatable {
        case admit
        /// Close it: `open` connections from its address (or in all, for `.total`) are already
        /// held, at the cap.
        case refuse(Cap, open: Int)
    }

    private struct Entry {
        /// The peer's address; nil when it could not be read (the connection already gone).
        var address: String?
        var admitted: Bool
    }

    let caps: ConnectionCaps
    private var entries: [Key: Entry] = [:]
    private var perAddress: [String: Int] = [:]
    /// Admitted connections open now.
    private(set) var openCount = 0
    /// Connections refused so far, by cap.
    private(set) var refused: [Cap: Int] = [:]

    init(caps: ConnectionCaps) {
        self.caps = caps
    }

    /// A connection from `address` was accepted. One of unknown address is admitted and counted
    /// (nothing identifies it well enough to close it; its `disconnected` follows at once).
    mutating func accepted(_ key: Key, address: String?) -> Action {
        if entries[key] != nil { disconnected(key) }  // its end was not reported: start afresh
        guard let address else {
            entries[key] = Entry(address: nil, admitted: true)
            openCount += 1
            return .admit
        }
        let fromAddress = perAddress[address, default: 0]
        let action: Action
        if fromAddress >= caps.maxPerAddress {
            action = .refuse(.perAddress, open: fromAddress)
        } else if openCount >= caps.maxTotal {
            action = .refuse(.total, open: openCount)
        } else {
            action = .admit
        }
        let admitted = action == .admit
        entries[key] = Entry(address: address, admitted: admitted)
        if admitted {
            openCount += 1
            perAddress[address] = fromAddress + 1
        } else if case .refuse(let cap, _) = action {
            refused[cap, default: 0] += 1
        }
        return action
    }

    /// A connection ended (or its descriptor was closed); unknown keys are ignored.
    mutating func disconnected(_ key: Key) {
        guard let entry = entries.removeValue(forKey: key), entry.admitted else { return }
        openCount -= 1
        guard let address = entry.address, let count = perAddress[address] else { return }
        perAddress[address] = count > 1 ? count - 1 : nil
    }

    /// Admitted connections open from `address`.
    func openCount(from address: String) -> Int { perAddress[address, default: 0] }

    /// Connections refused so far, over both caps.
    var refusedCount: Int { refused.values.reduce(0, +) }
}
