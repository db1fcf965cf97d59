import CZeroMQ

/// Waits on several sockets and plain file descriptors at once (`zmq_poll`), e.g. a worker's
/// sockets plus a `WakeSignal` that another thread uses to interrupt the wait.
///
/// Not `Sendable`: it holds sockets, which belong to one thread. It keeps the added sockets alive;
/// polling a socket that has since been closed throws `ENOTSOCK`.
public struct ZMQPoller: ~Copyable {
    private var items: [zmq_pollitem_t] = []
    /// Parallel to `items`: the socket of each socket entry, nil for file descriptors.
    private var sockets: [ZMQSocket?] = []

    public init() {}

    /// Number of sockets and descriptors added.
    public var count: Int { items.count }

    /// Watches `socket` for the asked events; returns the index `poll` reports it by.
    @discardableResult
    public mutating func add(_ socket: ZMQSocket, readable: Bool = true, writable: Bool = false) -> Int {
        var events: Int16 = 0
        if readable { events |= Int16(ZMQ_POLLIN) }
        if writable { events |= Int16(ZMQ_POLLOUT) }
        items.append(zmq_pollitem_t(socket: nil, fd: -1, events: events, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Watches a file descriptor (e.g. `WakeSignal.fileDescriptor`) for readability; returns its index.
    @discardableResult
    public mutating func add(fileDescriptor: Int32) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: Int16(ZMQ_POLLIN), revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Waits up to `timeoutMilliseconds` (-1 = forever, 0 = just look) and returns the indexes that
    /// are ready for what was asked of them, in the order added; empty when the time ran out.
    /// An interrupted wait (`EINTR`) resumes with the time that is left.
    public mutating func poll(timeoutMilliseconds: Int) throws(ZMQError) -> [Int] {
        for index in sockets.indices {
            if let socket = sockets[index] {
                items[index].socket = try socket.openHandle("poll socket \(index)")
            }
        }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now + .milliseconds(timeoutMilliseconds) : nil
        while true {
            let wait = deadline.map { Self.millisecondsLeft(until: $0, clock: clock) } ?? -1
            let ready = items.withUnsafeMutableBufferPointer {
                zmq_poll($0.baseAddress, Int32($0.count), wait)
            }
            if ready > 0 { return readyIndexes() }
            if ready < 0 {
                let code = zmq_errno()
                if code == EINTR { continue }
                throw ZMQError(errno: code, operation: "poll \(items.count) items")
            }
            // zmq_poll may wake a little early by our clock; only a spent deadline ends the wait.
            if let deadline, clock.now >= deadline { return [] }
        }
    }

    private func readyIndexes() -> [Int] {
        var ready: [Int] = []
        for (index, item) in items.enumerated() where item.revents & item.events != 0 {
            ready.append(index)
        }
        return ready
    }

    /// Whole milliseconds until `deadline`, rounded up so the wait never ends before it.
    private static func millisecondsLeft(
        until deadline: ContinuousClock.Instant, clock: ContinuousClock
    ) -> Int {
        let left = clock.now.duration(to: deadline).components
        if left.seconds < 0 || (left.seconds == 0 && left.attoseconds <= 0) { return 0 }
        let partial =
            left.attoseconds > 0 ? (left.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000 : 0
        return Int(left.seconds) * 1000 + Int(partial)
    }
}
