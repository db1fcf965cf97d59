/// The publication date in an article URL, for pages that state none: `/2019/11/18/`, `/2019/nov/18/`,
/// `/2019-11-18-slug`, `slug-20191115/`. Only complete dates (year, month and day) count; a path
/// of year and month alone (`/2019/11/`) is not a day.
enum URLDate {
    static func date(in url: String) -> String? {
        // The path only: hosts and queries hold numbers that are not dates.
        var path = Substring(url)
        if let scheme = path.firstRange(of: "://") { path = path[scheme.upperBound...] }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[slash...]
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        let segments = path.split(separator: "/")
        for (index, segment) in segments.enumerated() {
            // /YYYY/MM/DD/ or /YYYY/mon/DD/
            if segment.count == 4, let year = Int(segment), index + 2 < segments.count,
                let day = Int(segments[index + 2].prefix(while: \.isNumber).prefix(2)),
                segments[index + 2].prefix(while: \.isNumber).count <= 2
            {
                let monthText = segments[index + 1]
                let month = Int(monthText) ?? MonthNames.month(monthText).map(\.number)
                if let month, let date = valid(year, month, day) { return date }
            }
            if let date = dashed(segment) ?? compact(segment) { return date }
        }
        return nil
    }

    /// `2019-11-18` at the start of a segment.
    private static func dashed(_ segment: Substring) -> String? {
        let b = Array(segment.utf8.prefix(11))
        guard b.count >= 10, b[4] == 0x2D, b[7] == 0x2D, b.count == 10 || !ASCII.isDigit(b[10]),
            let year = Int(String(decoding: b[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: b[5..<7], as: UTF8.self)),
            let day = Int(String(decoding: b[8..<10], as: UTF8.self))
        else { return nil }
        return valid(year, month, day)
    }

    /// A run of exactly eight digits `YYYYMMDD` set off by non-digits (`tuft-cells-20191115`).
    private static func compact(_ segment: Substring) -> String? {
        for run in segment.split(whereSeparator: { !$0.isASCII || !$0.isNumber }) where run.count == 8 {
            guard let year = Int(run.prefix(4)), let month = Int(run.dropFirst(4).prefix(2)),
                let day = Int(run.suffix(2))
            else { continue }
            if let date = valid(year, month, day) { return date }
        }
        return nil
    }

    private static func valid(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard year >= 1990, year <= 2100, month >= 1, month <= 12, day >= 1, day <= 31 else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
