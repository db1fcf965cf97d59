import CZeroMQ

extension ZMQSocket {
    /// Publishes this socket's `events` on a PAIR socket that libzmq binds at `endpoint`
    /// (`inproc://…`, unique in the context); read them with a PAIR connected there, decoded by
    /// `SocketEvent(frames:)`.
    ///
    /// Connect the reading PAIR first (inproc allows connecting before the bind) and start the
    /// monitor before binding or connecting this socket, so no event is missed. libzmq sends each
    /// event from its I/O thread and waits while the reader's queue is full: read promptly.
    public func monitor(at endpoint: String, events: SocketEvent.Kinds) throws(ZMQError) {
        let handle = try openHandle("monitor at \(endpoint)")
        guard zmq_socket_monitor(handle, endpoint, events.rawValue) == 0 else {
            throw ZMQError.last("monitor at \(endpoint)")
        }
    }

    /// Stops the monitor (its reader receives `monitorStopped` if that was among the events);
    /// closing the socket does too.
    public func stopMonitor() throws(ZMQError) {
        let handle = try openHandle("stop monitor")
        guard zmq_socket_monitor(handle, nil, 0) == 0 else { throw ZMQError.last("stop monitor") }
    }
}
