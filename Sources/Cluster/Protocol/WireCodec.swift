import Foundation

/// Encodes and decodes message header frames: `{"v": version, "t": kind, "b": body}`.
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
            throw WireError("unknown message kind '\(envelope.t)'")
        }
        return kind
    }

    /// The body of a header frame whose kind is already known.
    public static func body<Body: Codable>(_ type: Body.Type, from frame: [UInt8]) throws(WireError) -> Body {
        do {
            return try JSONDecoder().decode(Header<Body>.self, from: Data(frame)).b
        } catch {
            throw WireError("malformed \(Body.self) header: \(error)")
        }
    }
}

/// A body for messages that carry nothing but their kind.
public struct EmptyBody: Codable, Sendable, Equatable {
    public init() {}
}
