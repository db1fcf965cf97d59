/// Normalises the date formats news pages publish to ISO 8601: `2025-03-14` or
/// `2025-03-14T09:30:00Z` / `2025-03-14T09:30:00+01:00`. Unparseable values give nil.
enum DateNormaliser {
    private static let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    static func normalise(_ value: String) -> String? {
        let text = value.trimmingASCIIWhitespace()
        return iso(Array(text.utf8)) ?? written(text)
    }

    /// `YYYY-MM-DD` (or `/`), optionally followed by `T`/space, `HH:MM[:SS[.fff]]` and a zone.
    private static func iso(_ b: [UInt8]) -> String? {
        guard b.count >= 10, let year = number(b, 0, 4), b[4] == b[7], b[4] == 0x2D || b[4] == 0x2F,
            let month = number(b, 5, 2), let day = number(b, 8, 2)
        else { return nil }
        guard let date = date(year, month, day) else { return nil }
        guard b.count >= 16, b[10] == UInt8(ascii: "T") || b[10] == 0x20, let hour = number(b, 11, 2),
            b[13] == UInt8(ascii: ":"), let minute = number(b, 14, 2), hour < 24, minute < 60
        else { return date }
        var index = 16
        var second = 0
        if b.count >= 19, b[16] == UInt8(ascii: ":"), let parsed = number(b, 17, 2), parsed < 61 {
            second = parsed
            index = 19
            if index < b.count, b[index] == UInt8(ascii: ".") {
                index += 1
                while index < b.count, ASCII.isDigit(b[index]) { index += 1 }
            }
        }
        while index < b.count, b[index] == 0x20 { index += 1 }
        let zone = self.zone(Array(b[index...]))
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(zone ?? "")"
    }

    /// Dates written with a month name: "March 14, 2025", "14 Mar 2025 09:30 GMT", "Fri, 14 Mar 2025 ...".
    private static func written(_ text: String) -> String? {
        let tokens = text.split(whereSeparator: { " ,".contains($0) })
        var year: Int?
        var month: Int?
        var day: Int?
        var time: (Int, Int, Int)?
        var zone: String?
        for token in tokens {
            let lower = token.lowercased().trimmingCharacters(in: ".")
            if month == nil, lower.count >= 3, let index = months.firstIndex(of: String(lower.prefix(3))),
                lower.allSatisfy(\.isLetter)
            {
                month = index + 1
            } else if let value = Int(lower.filter(\.isNumber)), lower.first?.isNumber == true,
                !lower.contains(":"), lower.count <= 4
            {
                if lower.count == 4 && year == nil {
                    year = value
                } else if day == nil && value >= 1 && value <= 31 {
                    day = value
                }
            } else if lower.contains(":"), time == nil {
                let parts = lower.split(separator: ":").compactMap { Int($0.prefix(2)) }
                if parts.count >= 2, parts[0] < 24, parts[1] < 60 {
                    time = (parts[0], parts[1], parts.count > 2 ? parts[2] : 0)
                }
            } else if time != nil, zone == nil {
                zone = self.zone(Array(token.utf8))
            }
        }
        guard let year, let month, let day, let date = date(year, month, day) else { return nil }
        guard let (hour, minute, second) = time else { return date }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(zone ?? "")"
    }

    /// `Z`, `GMT`, `UTC` → `Z`; `+0100` / `+01:00` / `-05` → `+01:00`.
    private static func zone(_ b: [UInt8]) -> String? {
        let text = String(decoding: b, as: UTF8.self).uppercased()
        if text == "Z" || text == "GMT" || text == "UTC" { return "Z" }
        guard let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), b.count >= 3,
            let hours = number(b, 1, 2)
        else { return nil }
        var minutes = 0
        if b.count >= 6, b[3] == UInt8(ascii: ":"), let parsed = number(b, 4, 2) {
            minutes = parsed
        } else if b.count >= 5, let parsed = number(b, 3, 2) {
            minutes = parsed
        }
        if hours == 0 && minutes == 0 { return "Z" }
        return "\(Character(Unicode.Scalar(sign)))\(pad(hours)):\(pad(minutes))"
    }

    private static func date(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard year >= 1900, year <= 2200, month >= 1, month <= 12, day >= 1, day <= 31 else { return nil }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    private static func number(_ b: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= b.count else { return nil }
        var value = 0
        for index in start..<(start + length) {
            guard ASCII.isDigit(b[index]) else { return nil }
            value = value * 10 + Int(b[index] - 0x30)
        }
        return value
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
