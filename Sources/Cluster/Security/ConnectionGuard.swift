import Foundation
import Logging
import Synchronization
import ZeroMQ

/// Holds a role's bound sockets to `ConnectionCaps` (libzmq has no cap on connections): a
/// thread reads each socket's monitor, keeps a `ConnectionLedger` of the open connections, and
/// ends a connection over a cap as soon as it is accepted, by shutting its descriptor down, so that
/// libzmq sees it end and closes it itself, before any handshake.
///
/// Why a monitor and not the ZAP handler: ZAP hears only of peers that complete the greeting
/// (a raw TCP connection that says nothing never reaches it) and never of a connection ending, so
/// it cannot count what is open. The monitor reports every accepted connection and its end, with
/// the descriptor.
///
/// The race, and how it is closed: events arrive after the fact, so by the time one is read the
/// connection may have ended and its descriptor been reused, by another connection or a file.
/// Events of one socket arrive in order (an end always before a reuse), so the ledger stays exact
/// per socket. The peer's address is read from the descriptor itself, and only when the
/// descriptor's own end is the listener the event names; before a shutdown both ends are read
/// again and must be the same `ip:port` pair: a descriptor reused for a file, an outgoing
/// connection or any other peer is left alone (at worst a connection from the same `ip:port`
/// arriving in the same microseconds is refused, and a ZeroMQ peer reconnects).
public final class ConnectionGuard: Sendable {
    /// The events the ledger is fed.
    static let events: SocketEvent.Kinds = [.accepted, .disconnected]
    /// Events queued for the guard per socket before libzmq's I/O thread waits for it.
    static let eventQueue: Int32 = 100_000
    private static let instances = Atomic<Int>(0)

    /// Shared with the guard's thread.
    private final class State: Sendable {
        let running = Atomic<Bool>(true)
        let refused = Atomic<Int>(0)
        let open = Atomic<Int>(0)
        let finished = DispatchSemaphore(value: 0)
    }

    /// The caps in force (the total fitted to the open-file limit).
    public let caps: ConnectionCaps
    private let monitors: [String]
    private let state = State()

    /// Starts the guard's thread, ready for `sockets` sockets to `watch`.
    public init(
        context: ZMQContext, caps: ConnectionCaps, sockets: Int, logger: Logger
    ) throws(ClusterError) {
        self.caps = caps
        let instance = Self.instances.add(1, ordering: .relaxed).newValue
        let monitors = (0..<sockets).map { "inproc://presswork-connections-\(instance)-\($0)" }
        self.monitors = monitors
        let ready = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        let state = self.state
        let thread = Thread {
            defer { state.finished.signal() }
            var readers: [ZMQSocket] = []
            do {
                for endpoint in monitors {
                    let reader = try ZMQSocket(context: context, type: .pair)
                    try reader.setLinger(milliseconds: 0)
                    try reader.setReceiveHighWaterMark(Self.eventQueue)
                    try reader.connect(endpoint)
                    readers.append(reader)
                }
            } catch {
                failure.withLock { $0 = "cannot start the connection guard: \(error)" }
                ready.signal()
                return
            }
            ready.signal()
            var turn = Turn(ledger: ConnectionLedger(caps: caps), state: state, logger: logger)
            var poller = ZMQPoller()
            for reader in readers { poller.add(reader) }
            while state.running.load(ordering: .relaxed) {
                let readable: [Int]
                do throws(ZMQError) {
                    readable = try poller.poll(timeoutMilliseconds: 100)
                } catch {
                    // The context is being terminated: close the readers so that it can end.
                    if error.isContextTerminated { break }
                    readable = []
                }
                for index in readable {
                    while let frames = (try? readers[index].receive(dontWait: true)) ?? nil {
                        if let event = SocketEvent(frames: frames) { turn.handle(event, socket: index) }
                    }
                }
                turn.warnings.report(to: logger)
            }
            for reader in readers { reader.close() }
        }
        thread.name = "presswork-connections"
        thread.start()
        ready.wait()
        if let message = failure.withLock({ $0 }) { throw ClusterError(message) }
    }

    /// Starts reporting `socket`'s connections as socket number `index`: call it before the
    /// socket binds.
    public func watch(_ socket: ZMQSocket, as index: Int) throws(ZMQError) {
        try socket.monitor(at: monitors[index], events: Self.events)
    }

    /// Connections refused over a cap so far.
    public var refused: Int { state.refused.load(ordering: .relaxed) }

    /// Admitted connections open now.
    public var open: Int { state.open.load(ordering: .relaxed) }

    deinit { stop() }

    /// Stops the thread (within about 100 ms); call it after closing the watched sockets.
    public func stop() {
        guard state.running.exchange(false, ordering: .relaxed) else { return }
        state.finished.wait()
    }

    /// What the thread does with each event.
    private struct Turn {
        var ledger: ConnectionLedger
        let state: State
        let logger: Logger
        /// One line per cap per 10 s: a flood of connections cannot flood the log.
        var warnings = WarningAggregator()

        mutating func handle(_ event: SocketEvent, socket: Int) {
            let key = ConnectionLedger.Key(socket: socket, descriptor: event.fileDescriptor)
            switch event.kind {
            case .accepted:
                // Nil when the descriptor no longer holds a connection that came in on this socket.
                let endpoints = ConnectionEndpoints(descriptor: event.fileDescriptor).flatMap {
                    $0.cameIn(on: event.endpoint) ? $0 : nil
                }
                let action = ledger.accepted(key, address: endpoints?.address)
                if case .refuse(let cap, let open) = action, let endpoints {
                    // Counted first: whoever sees the connection close sees it counted.
                    state.refused.add(1, ordering: .relaxed)
                    ClusterMetrics.connectionsRefused(cap: cap.rawValue).increment()
                    let closed = endpoints.shutDown(descriptor: event.fileDescriptor)
                    let limit = cap == .total ? ledger.caps.maxTotal : ledger.caps.maxPerAddress
                    let held = cap == .total ? "open in all" : "open from \(endpoints.address)"
                    warnings.warn(
                        "refused a connection over the \(cap == .total ? "total" : "per-address") cap",
                        detail: "\(endpoints.peer) on \(event.endpoint): \(open) \(held), cap \(limit)"
                            + (closed ? "" : " (already gone)"),
                        logger: logger)
                }
            case .disconnected:
                ledger.disconnected(key)
            default:
                return
            }
            state.open.store(ledger.openCount, ordering: .relaxed)
            ClusterMetrics.connectionsOpen.record(ledger.openCount)
        }
    }
}
