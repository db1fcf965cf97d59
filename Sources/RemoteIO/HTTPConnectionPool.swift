import Foundation

/// The connections (`CurlTransfer`s) kept open per origin, at most `maxConnectionsPerHost` each:
/// a stream takes one for as long as it reads and gives it back when done, so the next object
/// from the same server goes over the same connection; a stream wanting one more than the cap
/// waits until another gives one back.
final class HTTPConnectionPool: @unchecked Sendable {
    /// The process's pool.
    static let shared = HTTPConnectionPool()

    private let condition = NSCondition()
    private var idle: [String: [CurlTransfer]] = [:]
    private var inUse: [String: Int] = [:]

    /// A transfer for `origin`, waiting while `settings.maxConnectionsPerHost` are in use; nil
    /// when libcurl cannot make one.
    func checkout(origin: String, settings: RemoteSettings) -> CurlTransfer? {
        condition.lock()
        defer { condition.unlock() }
        while (inUse[origin] ?? 0) >= max(1, settings.maxConnectionsPerHost) { condition.wait() }
        if var kept = idle[origin], let transfer = kept.popLast() {
            idle[origin] = kept
            inUse[origin, default: 0] += 1
            return transfer
        }
        guard let transfer = CurlTransfer(origin: origin, settings: settings) else { return nil }
        inUse[origin, default: 0] += 1
        return transfer
    }

    /// Gives `transfer` back, to be reused for its origin.
    func checkin(_ transfer: CurlTransfer) {
        transfer.stop()
        condition.lock()
        inUse[transfer.origin, default: 1] -= 1
        idle[transfer.origin, default: []].append(transfer)
        condition.broadcast()
        condition.unlock()
    }

    /// Transfers taken and not given back, for `origin` (for tests).
    func inUseCount(origin: String) -> Int {
        condition.lock()
        defer { condition.unlock() }
        return inUse[origin] ?? 0
    }
}
