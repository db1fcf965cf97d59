/// How the WCXB record fields are compared with their gold: a title exactly, after whitespace,
/// quote and dash normalisation; authors as a set of names; a date by its day.
public enum WCXBFieldMatch {
    /// A gold field as given, or nil when it is missing or blank: an empty `author` ("", 35 pages
    /// of the development split) names no one, so the page counts among those that name none.
    public static func goldValue(_ value: Any?) -> String? {
        guard let text = value as? String, text.contains(where: { !$0.isWhitespace }) else { return nil }
        return text
    }

    /// Same title: equal after collapsing whitespace and unifying curly quotes and dashes.
    public static func sameTitle(_ predicted: String, _ gold: String) -> Bool {
        titleKey(predicted) == titleKey(gold)
    }

    static func titleKey(_ text: String) -> String {
        let mapped = String(
            text.map { character -> Character in
                switch character {
                case "’", "‘", "′": return "'"
                case "“", "”", "„", "″": return "\""
                case "–", "—", "‒", "―": return "-"
                case "\u{00A0}": return " "
                default: return character
                }
            })
        return GoldMatching.collapse(mapped)
    }

    /// The names of a gold author string: split at commas, semicolons, `|`, " and " and " & ".
    public static func goldNames(_ author: String) -> [String] {
        var text = " " + author + " "
        for separator in [" and ", " & ", ";", "|", " und ", " et ", " y "] {
            text = text.split(separator: separator, omittingEmptySubsequences: false).joined(separator: ",")
        }
        return text.split(separator: ",").map { GoldMatching.collapse(String($0)) }.filter { !$0.isEmpty }
    }

    /// Same authors: every gold name matches one predicted name and none is left over (names compare
    /// by `GoldMatching.sameName`, so case and initials do not matter).
    public static func sameAuthors(_ predicted: [String], gold: String) -> Bool {
        let names = goldNames(gold)
        guard !names.isEmpty, names.count == predicted.count else { return false }
        return GoldMatching.match(predicted, names, by: GoldMatching.sameName).count == names.count
    }

    /// Same day: the first ten characters (`YYYY-MM-DD`) of both ISO 8601 values agree.
    public static func sameDay(_ predicted: String, _ gold: String) -> Bool {
        predicted.count >= 10 && gold.count >= 10 && predicted.prefix(10) == gold.prefix(10)
    }

    /// A snippet is present when its collapsed, lower-cased text is a substring of the collapsed,
    /// lower-cased extraction (`text` already in that form: see `snippetKey`).
    public static func contains(_ text: String, snippet: String) -> Bool {
        let key = snippetKey(snippet)
        return !key.isEmpty && text.contains(key)
    }

    /// The form both sides of a snippet test are compared in.
    public static func snippetKey(_ text: String) -> String {
        titleKey(text).lowercased()
    }
}
