import Cluster
import Foundation
import Testing
import ZeroMQ

/// A peer that does not play by the rules, on a real ZeroMQ socket: it sends hand-written frames
/// (any number, any kind, any routing id) to a coordinator, a collector or a worker.
final class HostilePeer {
    let context: ZMQContext
    private var sockets: [ZMQSocket] = []

    init() throws {
        context = try ZMQContext()
    }

    deinit {
        for socket in sockets { socket.close() }
    }

    /// A DEALER connected to `endpoint`; `routingID` nil leaves libzmq's default (binary) one.
    func dealer(to endpoint: String, routingID: [UInt8]?) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: .dealer)
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: 100)
        if let routingID { try socket.setRoutingID(routingID) }
        try socket.connect(endpoint)
        sockets.append(socket)
        return socket
    }

    /// A PUSH connected to a collector.
    func push(to endpoint: String) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: .push)
        try socket.setLinger(milliseconds: 2_000)
        try socket.connect(endpoint)
        sockets.append(socket)
        return socket
    }

    /// A socket of `type` bound at `endpoint` (a fake coordinator or collector).
    func bound(_ type: SocketType, at endpoint: String) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: context, type: type)
        try socket.setLinger(milliseconds: 0)
        try socket.setReceiveTimeout(milliseconds: 200)
        try socket.bind(endpoint)
        sockets.append(socket)
        return socket
    }

    /// `2^63 − 1`, as a peer writes it in JSON.
    static let intMax = "9223372036854775807"

    /// A header frame of kind `kind` whose body is the raw JSON `body`.
    static func frame(_ kind: String, _ body: String, version: Int = WireProtocol.version) -> [UInt8] {
        Array(#"{"v":\#(version),"t":"\#(kind)","b":\#(body)}"#.utf8)
    }

    /// A `hello` body for a worker.
    static func hello(id: String, threads: Int = 1, credit: String) -> [UInt8] {
        frame(
            "hello",
            #"{"peer":{"id":"\#(id)","role":"worker","host":"h","pid":1,"threads":\#(threads)},"credit":\#(credit)}"#
        )
    }

    /// Receives messages on `socket` until one whose header (frame `headerIndex`) is of `kind`,
    /// for up to `timeout` seconds.
    static func next(
        _ kind: String, on socket: ZMQSocket, headerIndex: Int = 0, timeout: TimeInterval = 10
    ) throws -> [[UInt8]]? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let frames = try socket.receive(), frames.count > headerIndex else { continue }
            if String(decoding: frames[headerIndex], as: UTF8.self).contains(#""t":"\#(kind)""#) {
                return frames
            }
        }
        return nil
    }

    /// The peak resident memory of a process in MB (Linux `VmHWM`), or nil.
    static func peakMemoryMB(_ process: Process) -> Int? {
        guard
            let text = try? String(
                contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return nil }
        return Int(line.filter(\.isNumber)).map { $0 / 1_024 }
    }
}
