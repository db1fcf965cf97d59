import Cluster
import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into stop requests: the first drains, the second stops at once.
final class SignalTrap {
    private let sources: [any DispatchSourceSignal]

    init(_ stop: StopRequest, signals: [Int32] = [SIGINT, SIGTERM]) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            return source
        }
    }
}
