/// Normalises the date formats news pages publish to ISO 8601: `2025-03-14` or
/// `2025-03-14T09:30:00Z` / `2025-03-14T09:30:00+01:00`. Unparseable values give nil.
///
/// Month names come from `MonthNames` (many languages); all-number dates such as `05/10/2018` are
/// read in the given `NumericOrder` unless one part can only be a day; `2018年8月25日` and
/// `2018년 8월 25일` are read by their unit signs.
enum DateNormaliser {
    /// How to read an all-number date whose first two parts could both be a day or a month.
    enum NumericOrder: Sendable {
        /// `05/10/2018` is 5 October (most of the world).
        case dayFirst
        /// `05/10/2018` is May 10 (the United States).
        case monthFirst

        /// The usual order of a page in `language` (a `lang` value such as "en-US", "pt-BR").
        init(language: String?) {
            let code = String((language ?? "").lowercased().map { $0 == "_" ? "-" : $0 })
            self = code == "en" || code == "en-us" ? .monthFirst : .dayFirst
        }
    }

    /// Longest value read (bytes): a date with its label and time fits easily; longer text is
    /// running text, where a permissive read would make up dates, and costly to tokenise.
    static let maxLength = 256

    static func normalise(_ value: String, order: NumericOrder = .dayFirst) -> String? {
        guard value.utf8.count <= maxLength else { return nil }
        let text = value.trimmingASCIIWhitespace()
        return iso(Array(text.utf8)) ?? written(text, order: order) ?? unitSigns(text)
    }

    /// `YYYY-MM-DD` (or `/`, `.`), optionally followed by `T`/space, `HH:MM[:SS[.fff]]` and a zone.
    private static func iso(_ b: [UInt8]) -> String? {
        guard b.count >= 10, let year = number(b, 0, 4), b[4] == b[7],
            b[4] == 0x2D || b[4] == 0x2F || b[4] == 0x2E,
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

    /// Dates written with a month name ("March 14, 2025", "14 Mar 2025 09:30 GMT", "25. September
    /// 2018", "25 de septiembre de 2018") or all in numbers ("05/10/2018 15:24", "25.09.2018").
    /// A full month name wins over an abbreviation seen before it.
    private static func written(_ text: String, order: NumericOrder) -> String? {
        let tokens = text.split(whereSeparator: { " ,，：".contains($0) })
        var year: Int?
        var month: MonthNames.Month?
        var day: Int?
        var numeric: String?
        var time: (Int, Int, Int)?
        var zone: String?
        for token in tokens {
            let lower = token.lowercased().trimmingCharacters(in: ".")
            guard let initial = lower.first else { continue }
            if initial.isLetter, let found = MonthNames.month(lowercased: lower),
                month.map({ $0.abbreviated && !found.abbreviated }) ?? true
            {
                month = found
            } else if numeric == nil, initial.isNumber, let date = numericDate(lower, order: order) {
                numeric = date
            } else if initial.isNumber, !lower.contains(":"), lower.count <= 4,
                case let digits = lower.filter(\.isNumber), let value = Int(digits)
            {
                // "2018" is a year; "18th", "1er", "25." are days.
                if digits.count == 4 && year == nil {
                    year = value
                } else if day == nil && value >= 1 && value <= 31 {
                    day = value
                }
            } else if lower.contains(":"), time == nil {
                let parts = lower.split(separator: ":").compactMap { Int($0.prefix(2)) }
                if parts.count >= 2, parts[0] < 24, parts[1] < 60 {
                    time = (parts[0], parts[1], parts.count > 2 ? parts[2] : 0)
                }
            } else if let (hour, minute, second) = time, lower == "pm" || lower == "p.m", hour < 12 {
                time = (hour + 12, minute, second)
            } else if time != nil, zone == nil {
                zone = self.zone(Array(token.utf8))
            }
        }
        var found = numeric
        if found == nil, let year, let month, let day { found = date(year, month.number, day) }
        guard let date = found else { return nil }
        guard let (hour, minute, second) = time else { return date }
        return "\(date)T\(pad(hour)):\(pad(minute)):\(pad(second))\(zone ?? "")"
    }

    /// An all-number date token: `YYYY-MM-DD` (or `/`, `.`), `DD.MM.YYYY`, `DD-MM-YYYY`, and
    /// `DD/MM/YYYY` or `MM/DD/YYYY` by `order` unless a part is over 12; nil for anything else.
    static func numericDate(_ token: some StringProtocol, order: NumericOrder) -> String? {
        let b = Array(token.utf8)
        guard b.count >= 8, b.count <= 10, let separator = b.first(where: { !ASCII.isDigit($0) }),
            separator == 0x2E || separator == 0x2F || separator == 0x2D
        else { return nil }
        let parts = b.split(separator: separator, omittingEmptySubsequences: false).map { Array($0) }
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
            let a = number(parts[0], 0, parts[0].count), let m = number(parts[1], 0, parts[1].count),
            let c = number(parts[2], 0, parts[2].count), parts[1].count <= 2
        else { return nil }
        if parts[0].count == 4 && parts[2].count <= 2 { return date(a, m, c) }
        guard parts[0].count <= 2, parts[2].count == 4 else { return nil }
        let dayFirst = separator != 0x2F || a > 12 || (m <= 12 && order == .dayFirst)
        return dayFirst ? date(c, m, a) : date(c, a, m)
    }

    /// `2018年8月25日`, `2018년 8월 25일`: a year, month and day each followed by its unit sign.
    private static func unitSigns(_ text: String) -> String? {
        var values: [Character: Int] = [:]
        var digits = 0
        var length = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits = length == 0 ? digit : digits * 10 + digit
                length += 1
                continue
            }
            if length > 0, let unit = Self.units[character], values[unit] == nil { values[unit] = digits }
            length = 0
        }
        guard let year = values["y"], let month = values["m"], let day = values["d"] else { return nil }
        return date(year, month, day)
    }

    private static let units: [Character: Character] = [
        "年": "y", "년": "y", "月": "m", "월": "m", "日": "d", "일": "d",
    ]

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
