import Foundation

/// Encodes and decodes message header frames: `{"v": version, "t": kind, "b": body}`. Every body
/// it decodes is validated against `WireLimits` before it is returned.
public enum WireCodec {
    private struct Envelope: Decodable {
        var v: Int
        var t: String
    }

    private struct Header<Body: Codable>: Codable {
        var v: Int
        var t: MessageKind
        var b: Body
    }

    /// The header frame for a message of `kind` carrying `body`.
    public static func encode<Body: Codable>(_ kind: MessageKind, _ body: Body) -> [UInt8] {
        let encoder = JSONEncoder()
        // Encoding plain Codable structs cannot fail; a failure here is a programming error.
        let data = try! encoder.encode(Header(v: WireProtocol.version, t: kind, b: body))
        return [UInt8](data)
    }

    /// The kind of a header frame, after checking that it speaks our protocol version.
    public static func kind(of frame: [UInt8]) throws(WireError) -> MessageKind {
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: Data(frame))
        } catch {
            throw WireError("not a Presswork header (\(frame.count) bytes)")
        }
        guard envelope.v == WireProtocol.version else {
            throw WireError(
                "peer speaks protocol version \(envelope.v), this build speaks \(WireProtocol.version)")
        }
        guard let kind = MessageKind(rawValue: envelope.t) else {
            throw WireError("unknown message kind '\(LogText.escaped(envelope.t, limit: 40))'")
        }
        return kind
    }

    /// The body of a header frame whose kind is already known, validated against `limits`.
    public static func body<Body: WireBody>(
        _ type: Body.Type, from frame: [UInt8], limits: WireLimits = WireLimits()
    ) throws(WireError) -> Body {
        let body: Body
        do {
            body = try JSONDecoder().decode(Header<Body>.self, from: Data(frame)).b
        } catch {
            throw WireError("malformed \(Body.self) header")
        }
        try body.validate(limits)
        return body
    }

    /// Checks a whole received message against the caps of the socket it came from: the number of
    /// frames and their total size (libzmq caps only each frame).
    public static func checkSize(of frames: [[UInt8]], maxFrames: Int, maxBytes: Int) throws(WireError) {
        guard frames.count <= maxFrames else {
            throw WireError("message of \(frames.count) frames exceeds the \(maxFrames)-frame cap")
        }
        var total = 0
        for frame in frames {
            total = Saturating.add(total, frame.count)
            guard total <= maxBytes else {
                throw WireError("message exceeds the \(maxBytes)-byte cap")
            }
        }
    }
}

/// A body for messages that carry nothing but their kind.
public struct EmptyBody: Codable, Sendable, Equatable {
    public init() {}
}
