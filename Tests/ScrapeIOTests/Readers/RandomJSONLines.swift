import TestSupport

/// A seeded generator of JSON lines for differential tests: random structure, every escape, raw and
/// escaped Unicode (surrogate pairs included), numbers of every shape, whitespace anywhere (never a
/// newline), duplicate keys; and malformed variants of such lines.
///
/// Malformed lines are made by truncating, replacing or inserting single bytes (never a comma or
/// whitespace, so no trailing comma can appear: JSONSerialization accepts those, see `strict.jsonl`)
/// and by adding bad escapes, deep nesting or numbers beyond a Double.
struct RandomJSONLines {
    /// The reader's default field names plus look-alikes, so wanted keys come up often.
    static let keys = [
        "html", "body", "content", "raw_content", "text", "url", "warc_target_uri", "link", "id",
        "fetched_at", "fetch_time", "timestamp", "date", "crawled_at", "content_type", "mime", "mime_type",
        #"\u0068tml"#, #"ur\u006C"#, "HTML", "meta", "html ", "",
    ]
    static let bodyKeys = ["html", "body", "content", "raw_content", "text"]

    /// SplitMix64: small, fast and the same on every platform.
    private var random: SplitMix

    init(seed: UInt64) {
        random = SplitMix(seed: seed)
    }

    private mutating func next() -> UInt64 { random.next() }

    private mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    private mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    // MARK: Valid lines

    /// A valid JSON text: mostly an object with a few wanted keys, sometimes another value.
    mutating func line() -> [UInt8] {
        var out: [UInt8] = []
        space(&out)
        if chance(8) {
            value(&out, depth: 1)
        } else {
            out.append(0x7b)
            let count = below(9)
            for index in 0..<count {
                if index > 0 { out.append(0x2c) }
                space(&out)
                let key = chance(15) ? pick(Self.bodyKeys) : chance(70) ? pick(Self.keys) : randomKey()
                out += Array("\"\(key)\"".utf8)
                space(&out)
                out.append(0x3a)
                space(&out)
                if Self.bodyKeys.contains(key) || chance(40) {
                    string(&out, long: chance(20))
                } else {
                    value(&out, depth: 1)
                }
                space(&out)
            }
            if count == 0 { space(&out) }
            out.append(0x7d)
        }
        space(&out)
        return out
    }

    private mutating func randomKey() -> String {
        String((0..<below(6)).map { _ in pick(Array("abcdeé_😀")) })
    }

    private mutating func space(_ out: inout [UInt8]) {
        guard chance(30) else { return }
        for _ in 0..<(1 + below(2)) { out.append(pick([0x20, 0x09, 0x0d])) }
    }

    private mutating func value(_ out: inout [UInt8], depth: Int) {
        switch below(depth < 4 ? 10 : 7) {
        case 0, 1, 2: string(&out, long: chance(5))
        case 3, 4: number(&out)
        case 5: out += Array(pick(["true", "false", "null"]).utf8)
        case 6: string(&out, long: false)
        case 7, 8:
            out.append(0x5b)
            for index in 0..<below(4) {
                if index > 0 { out.append(0x2c) }
                space(&out)
                value(&out, depth: depth + 1)
                space(&out)
            }
            out.append(0x5d)
        default:
            out.append(0x7b)
            for index in 0..<below(4) {
                if index > 0 { out.append(0x2c) }
                space(&out)
                string(&out, long: false)
                out.append(0x3a)
                value(&out, depth: depth + 1)
            }
            out.append(0x7d)
        }
    }

    /// A string of random pieces; `long` ones cross many eight-byte words between specials.
    mutating func string(_ out: inout [UInt8], long: Bool) {
        out.append(0x22)
        for _ in 0..<below(long ? 60 : 10) {
            switch below(9) {
            case 0, 1:
                let length = long ? below(400) : below(12)
                for _ in 0..<length { out.append(plainASCII()) }
            case 2: out += Array(pick([#"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\n"#, #"\r"#, #"\t"#]).utf8)
            case 3: escapedUnit(&out, bmpScalar())
            case 4:
                let scalar = 0x10000 + UInt32(below(0x100000))
                escapedUnit(&out, 0xd800 + (scalar - 0x10000) >> 10)
                escapedUnit(&out, 0xdc00 + (scalar - 0x10000) & 0x3ff)
            case 5, 6:
                let bmp = bmpScalar()
                let scalar = pick([
                    UInt32(0x80 + below(0x780)), bmp < 0x80 ? bmp + 0x80 : bmp,
                    0x10000 + UInt32(below(0x100000)),
                ])
                out += Array(String(Unicode.Scalar(scalar)!).utf8)
            case 7: out.append(0x7f)
            default: escapedUnit(&out, UInt32(below(0x20)))
            }
        }
        out.append(0x22)
    }

    private mutating func plainASCII() -> UInt8 {
        let byte = UInt8(0x20 + below(95))
        return byte == 0x22 || byte == 0x5c ? 0x61 : byte
    }

    /// A scalar of the Basic Multilingual Plane that is not a surrogate.
    private mutating func bmpScalar() -> UInt32 {
        let value = UInt32(1 + below(0xffff))
        return (0xd800...0xdfff).contains(value) ? value - 0x800 : value
    }

    private mutating func escapedUnit(_ out: inout [UInt8], _ unit: UInt32) {
        let hex = String(unit, radix: 16)
        let padded = String(repeating: "0", count: 4 - hex.count) + hex
        out += Array(("\\u" + (chance(50) ? padded.uppercased() : padded)).utf8)
    }

    mutating func number(_ out: inout [UInt8]) {
        let text: String
        switch below(12) {
        case 0: text = "\(below(1000))"
        case 1: text = "-\(below(1000))"
        case 2: text = pick(["0", "-0", "-0.0", "0e0", "0.0e99999", "1e-400"])
        case 3: text = "\(next() >> 4)"
        case 4: text = "\(next())"
        case 5: text = "-\(next() >> 1)"
        case 6: text = "\(below(100)).\(below(100_000))"
        case 7: text = "\(below(10))\(pick(["e", "E"]))\(pick(["", "+", "-"]))\(below(40))"
        case 8: text = "1" + String(repeating: "0", count: below(40))
        case 9: text = "-\(below(10)).\(below(1000))e-\(below(20))"
        case 10:
            text = pick([
                "1.7976931348623157e308", "1e308", "0.1e309", "9" + String(repeating: "9", count: 307),
            ])
        default: text = pick(["123456789.123456789e-5", "5e-324", "2.5E+10", "1e21"])
        }
        out += Array(text.utf8)
    }

    // MARK: Malformed lines

    /// A valid line broken in one of several ways (some breakages happen to stay valid: a replaced
    /// letter inside a string; the differential test only asks that both readers agree).
    mutating func malformed() -> [UInt8] {
        var bytes = line()
        let breakers: [[UInt8]] = [
            [0x22], [0x5c], [0x7b], [0x7d], [0x5b], [0x5d], [0x3a], [0x78], [0x30], [0x2d], [0x2e], [0x65],
            [0xff], [0x80], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x01],
            [0x1f],
            [0x00],
        ]
        switch below(7) {
        case 0:
            bytes.removeSubrange(below(max(bytes.count - 1, 1)) + 1..<bytes.count)
        case 1, 2:
            let position = below(bytes.count)
            var breaker = pick(breakers)
            if breaker == [0x00], position < 4 { breaker = [0x01] }  // never NULs where UTF-16 is sniffed
            if chance(50) {
                bytes.replaceSubrange(position...position, with: breaker)
            } else {
                bytes.insert(contentsOf: breaker, at: position)
            }
        case 3:
            let escape = pick([#"\q"#, #"\u12"#, #"\u12G4"#, #"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, "\\"])
            bytes.insert(contentsOf: Array(escape.utf8), at: below(bytes.count))
        case 4:
            bytes += Array(pick([" x", "}", "{}", ",", "\"", " 1", "]"]).utf8)
        case 5:
            let depth = pick([510, 511, 512, 600])
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            bytes = Array(#"{"d": \#(deep), "html": "deep"}"#.utf8)
        default:
            let number = pick(["1e309", "-1e400", "1.8e308", "0.5e310", String(repeating: "9", count: 310)])
            bytes = Array(#"{"html": "x", "n": \#(number)}"#.utf8)
        }
        return bytes
    }
}
