import Foundation
import Logging
import Synchronization
import ZeroMQ

/// The ZAP handler of a process (RFC 27): every new connection to a server socket is put to it
/// before any message passes. It admits CURVE clients whose public key is authorised, refuses the
/// rest (and logs the refusal), and limits how fast one address may open new connections, so a
/// stray client can neither get in nor exhaust the server with handshakes.
public final class ZAPAuthenticator: Sendable {
    /// The ZAP domain our server sockets declare.
    public static let domain = "presswork"
    /// New connections one address may open per second.
    public static let handshakesPerSecond = 50
    static let endpoint = "inproc://zeromq.zap.01"

    /// Shared with the handler thread.
    private final class State: Sendable {
        let running = Atomic<Bool>(true)
        let refusals = Atomic<Int>(0)
        let finished = DispatchSemaphore(value: 0)
    }

    private let state = State()

    /// Starts the handler on its own thread; it serves until `stop()`.
    public init(context: ZMQContext, curve: CurveSettings, logger: Logger) throws(ClusterError) {
        let ready = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        let state = self.state
        let thread = Thread {
            defer { state.finished.signal() }
            let socket: ZMQSocket
            do {
                socket = try ZMQSocket(context: context, type: .rep)
                try socket.setLinger(milliseconds: 0)
                try socket.setReceiveTimeout(milliseconds: 100)
                try socket.bind(Self.endpoint)
            } catch {
                failure.withLock { $0 = "cannot start the ZAP handler: \(error)" }
                ready.signal()
                return
            }
            ready.signal()
            var policy = ZAPPolicy(curve: curve)
            // One line per kind of refusal per 10 s: a peer opening thousands of connections
            // cannot flood the log.
            var warnings = WarningAggregator()
            while state.running.load(ordering: .relaxed) {
                guard let request = (try? socket.receive()) ?? nil else {
                    warnings.report(to: logger)
                    continue
                }
                let decision = policy.decide(request, now: Moment.now())
                if !decision.admitted {
                    state.refusals.add(1, ordering: .relaxed)
                    warnings.warn(
                        "refused a connection", detail: "\(decision.address): \(decision.text)",
                        logger: logger)
                }
                _ = try? socket.send(decision.reply(to: request))
            }
            socket.close()
        }
        thread.name = "presswork-zap"
        thread.start()
        ready.wait()
        if let message = failure.withLock({ $0 }) { throw ClusterError(message) }
    }

    /// Connections refused so far.
    public var refused: Int { state.refusals.load(ordering: .relaxed) }

    /// Stops the handler thread (within about 100 ms).
    public func stop() {
        guard state.running.exchange(false, ordering: .relaxed) else { return }
        state.finished.wait()
    }
}
