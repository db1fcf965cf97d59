/// Stable 64-bit identifiers, identical across processes, machines and runs.
///
/// FNV-1a over the bytes, then a 64-bit avalanche finaliser so that close inputs (URLs that
/// differ in one character) spread over all bits, which shard assignment relies on.
public enum StableID {
    /// The id of an article: from its URL when known, otherwise from its body.
    public static func forArticle(url: String?, body: [UInt8]) -> String {
        if let url, !url.isEmpty {
            return hex(hash64(Array(url.utf8)))
        }
        return hex(hash64(body))
    }

    /// A 64-bit hash of `bytes`; stable by construction (no per-process seed).
    public static func hash64<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes { hash = step(hash, byte) }
        return finalise(hash)
    }

    /// FNV-1a's start value; `hash64` is `finalise` of `step` over every byte from it.
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func step(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// The 16-digit lower-case hex form used for ids.
    public static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 16)
        var v = value
        for index in stride(from: 15, through: 0, by: -1) {
            out[index] = digits[Int(v & 0xf)]
            v >>= 4
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func finalise(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}
