/// A ZeroMQ routing id as bytes, and the text name the coordinator keys its tables by.
///
/// libzmq gives a client that sets no routing id a binary one (a zero byte and a 32-bit counter).
/// Turning those bytes into a `String` loses them, and replies can no longer be routed; so the name
/// is a lossless escape of the bytes — printable ASCII kept, any other byte and `%` as `%XX` — and
/// replies go to the bytes kept beside it, never to bytes rebuilt from the name.
public struct PeerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The routing id as the ROUTER socket gave it.
    public let bytes: [UInt8]
    /// The escaped name: unique per routing id, printable, safe in a log line.
    public let name: String

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        name = Self.name(of: bytes)
    }

    public var description: String { name }

    /// The escaped name of a routing id.
    public static func name(of bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "%") {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
