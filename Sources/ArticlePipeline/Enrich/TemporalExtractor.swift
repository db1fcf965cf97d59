/// Finds temporal expressions: dates ("March 14, 2025", "Nov. 18", "in 2018"), weekdays,
/// durations ("30-day", "three weeks") and relative ones ("last summer", "yesterday", "two days ago"),
/// with an ISO 8601 value where it can be computed (against the published date for relative ones).
struct TemporalExtractor {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3,
        "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    private static let numbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100, "a": 1, "an": 1, "several": 0, "few": 0,
    ]
    /// Unit → (ISO 8601 designator, multiplier, is a time unit).
    private static let units: [String: (String, Int, Bool)] = [
        "second": ("S", 1, true), "minute": ("M", 1, true), "hour": ("H", 1, true), "day": ("D", 1, false),
        "week": ("W", 1, false), "month": ("M", 1, false), "year": ("Y", 1, false),
        "decade": ("Y", 10, false), "century": ("Y", 100, false), "fortnight": ("D", 14, false),
    ]
    private static let relativeOpeners: Set<String> = ["last", "next", "this", "past", "coming", "previous"]
    private static let periods: Set<String> = [
        "week", "month", "year", "summer", "winter", "spring", "fall", "autumn", "weekend", "night",
        "morning", "afternoon", "evening", "decade", "century", "season", "quarter",
    ]
    private static let yearCues: Set<String> = [
        "in", "since", "by", "until", "from", "of", "before", "after", "during", "early", "late", "mid",
        "through", "to", "and",
    ]
    private static let deictic: [String: Int] = ["yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0]

    /// Lower-case words that can open an expression.
    static let triggers: Set<String> = relativeOpeners.union(deictic.keys).union(numbers.keys)
        .union(months.keys).union(weekdays)

    /// The expressions of `tokens` in text order, each distinct text and kind once.
    func expressions(in tokens: [EnrichToken], published: CivilDate?) -> [ArticleRecord.TemporalExpression] {
        var result: [ArticleRecord.TemporalExpression] = []
        var seen: Set<String> = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            // Most words can start no expression; the token's word classes rule them out.
            guard
                token.kind == .number || token.is(.temporalTrigger) || token.hasHyphen
            else {
                i += 1
                continue
            }
            if let (found, next) = expression(tokens, at: i, published: published) {
                if seen.insert(found.kind + "\u{1}" + found.text).inserted { result.append(found) }
                i = next
            } else {
                i += 1
            }
        }
        return result
    }

    private func expression(
        _ t: [EnrichToken], at i: Int, published: CivilDate?
    )
        -> (ArticleRecord.TemporalExpression, Int)?
    {
        let token = t[i]
        guard token.kind != .punctuation else { return nil }
        if let month = Self.months[token.lower], token.isCapitalised,
            token.lower != "may" || isNumber(t, i + 1)
        {
            return date(t, at: i, month: month, published: published)
        }
        if let weekday = Self.weekdays.firstIndex(of: token.lower), token.isCapitalised {
            let value = published.map { nearest(weekday: weekday, to: $0).iso }
            return (.init(text: token.text, kind: "weekday", value: value), i + 1)
        }
        if token.kind == .number, let day = Int(token.text), (1...31).contains(day), i + 1 < t.count,
            let month = Self.months[t[i + 1].lower], t[i + 1].isCapitalised
        {
            var end = i + 2
            if end < t.count, t[end].text == "." { end += 1 }
            var year = published?.year
            var value: String?
            if end < t.count, t[end].kind == .number, let y = Int(t[end].text), (1000...2999).contains(y) {
                year = y
                end += 1
            }
            if let year { value = CivilDate(year: year, month: month, day: day).iso }
            return (.init(text: text(t, i, end), kind: "date", value: value), end)
        }
        if token.kind == .number, token.text.count == 4, let year = Int(token.text),
            (1900...2099).contains(year),
            i > 0, Self.yearCues.contains(t[i - 1].lower), i + 1 >= t.count || t[i + 1].text != "%"
        {
            return (.init(text: token.text, kind: "date", value: token.text), i + 1)
        }
        if let shift = Self.deictic[token.lower] {
            return (
                .init(text: token.text, kind: "relative", value: published?.adding(days: shift).iso), i + 1
            )
        }
        if Self.relativeOpeners.contains(token.lower), i + 1 < t.count {
            return relative(t, at: i, published: published)
        }
        return duration(t, at: i, published: published)
    }

    private func date(
        _ t: [EnrichToken], at i: Int, month: Int, published: CivilDate?
    )
        -> (ArticleRecord.TemporalExpression, Int)?
    {
        var end = i + 1
        if end < t.count, t[end].text == ".", t[i].text.count <= 4 { end += 1 }
        var day: Int?
        if end < t.count, t[end].kind == .number, let d = Int(t[end].text.prefix { $0.isNumber }),
            (1...31).contains(d),
            t[end].text.count <= 4
        {
            day = d
            end += 1
        }
        var year: Int?
        var probe = end
        if probe < t.count, t[probe].text == "," { probe += 1 }
        if probe < t.count, t[probe].kind == .number, let y = Int(t[probe].text), (1000...2999).contains(y) {
            year = y
            end = probe + 1
        }
        guard day != nil || year != nil || (i > 0 && Self.yearCues.contains(t[i - 1].lower)) else {
            return nil
        }
        var value: String?
        if let day, let y = year ?? published?.year {
            value = CivilDate(year: y, month: month, day: day).iso
        } else if day == nil, let year {
            value = CivilDate(year: year, month: month, day: 1).isoMonth
        }
        return (.init(text: text(t, i, end), kind: "date", value: value), end)
    }

    private func relative(
        _ t: [EnrichToken], at i: Int, published: CivilDate?
    )
        -> (ArticleRecord.TemporalExpression, Int)?
    {
        let next = t[i + 1].lower
        let opener = t[i].lower
        if let weekday = Self.weekdays.firstIndex(of: next) {
            var value: String?
            if let published, opener == "last" || opener == "next" {
                let distance = (weekday - published.weekday + 7) % 7
                let shift =
                    opener == "last" ? (distance == 0 ? -7 : distance - 7) : (distance == 0 ? 7 : distance)
                value = published.adding(days: shift).iso
            }
            return (.init(text: text(t, i, i + 2), kind: "relative", value: value), i + 2)
        }
        guard Self.periods.contains(next) else { return duration(t, at: i, published: published) }
        var value: String?
        let shift =
            opener == "last" || opener == "previous" ? -1 : opener == "next" || opener == "coming" ? 1 : 0
        if let published, opener != "past" {
            if next == "year" {
                value = String(published.year + shift)
            } else if next == "month" {
                let index = published.year * 12 + published.month - 1 + shift
                value = CivilDate(year: index / 12, month: index % 12 + 1, day: 1).isoMonth
            }
        }
        return (.init(text: text(t, i, i + 2), kind: "relative", value: value), i + 2)
    }

    private func duration(
        _ t: [EnrichToken], at i: Int, published: CivilDate?
    )
        -> (ArticleRecord.TemporalExpression, Int)?
    {
        let token = t[i]
        // Hyphenated: "30-day", "three-year".
        let parts = token.hasHyphen ? token.lower.split(separator: "-") : []
        if parts.count == 2, let count = amount(String(parts[0])), let unit = unit(String(parts[1])) {
            return (.init(text: token.text, kind: "duration", value: iso(count, unit)), i + 1)
        }
        guard let count = amount(token.lower), i + 1 < t.count, let unit = unit(t[i + 1].lower) else {
            return nil
        }
        if i + 2 < t.count, t[i + 2].lower == "ago" {
            var value: String?
            if let published, count > 0, !unit.2 {
                let days = unit.0 == "D" ? count * unit.1 : unit.0 == "W" ? count * 7 : -1
                if days >= 0 { value = published.adding(days: -days).iso }
            }
            return (.init(text: text(t, i, i + 3), kind: "relative", value: value), i + 3)
        }
        guard token.kind == .number || !["a", "an"].contains(token.lower) else { return nil }
        return (.init(text: text(t, i, i + 2), kind: "duration", value: iso(count, unit)), i + 2)
    }

    private func amount(_ word: String) -> Int? {
        if let value = Int(word), value >= 0, value < 10_000 { return value }
        return Self.numbers[word]
    }

    private func unit(_ word: String) -> (String, Int, Bool)? {
        Self.units[word] ?? (word.hasSuffix("s") ? Self.units[String(word.dropLast())] : nil)
            ?? (word == "centuries" ? Self.units["century"] : nil)
    }

    private func iso(_ count: Int, _ unit: (String, Int, Bool)) -> String? {
        guard count > 0 else { return nil }
        return (unit.2 ? "PT" : "P") + String(count * unit.1) + unit.0
    }

    private func isNumber(_ t: [EnrichToken], _ i: Int) -> Bool { i < t.count && t[i].kind == .number }

    /// The date with `weekday` nearest to `date`, at most three days away (news mostly looks back).
    private func nearest(weekday: Int, to date: CivilDate) -> CivilDate {
        let back = (date.weekday - weekday + 7) % 7
        return date.adding(days: back <= 3 ? -back : 7 - back)
    }

    private func text(_ t: [EnrichToken], _ start: Int, _ end: Int) -> String {
        var result = ""
        for k in start..<end {
            if k > start, t[k].start > t[k - 1].end { result += " " }
            result += t[k].text
            if t[k].isPossessive { result += "’s" }
        }
        return result
    }
}
