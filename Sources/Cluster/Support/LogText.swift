/// Text from a peer made safe for one log line: control characters and non-ASCII bytes escaped
/// (`\n`, `\x1b`, `\u{e9}`), cut to a limit, so nobody can forge a log line or flood one.
public enum LogText {
    public static func escaped(_ text: String, limit: Int = 120) -> String {
        var out = ""
        var kept = 0
        for scalar in text.unicodeScalars {
            if kept >= limit {
                out += "…"
                break
            }
            kept += 1
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + hex(scalar.value, digits: 2)
            case _ where scalar.value > 0x7E:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
