/// Looks up places and given names in the generated `GazetteerData` (built once per process).
enum Gazetteer {
    /// Lower-cased surface form → canonical place name.
    static let places: [String: String] = {
        var result: [String: String] = [:]
        result.reserveCapacity(6_000)
        for entry in GazetteerData.places.flatMap(entries) {
            if let equals = entry.utf8.firstIndex(of: UInt8(ascii: "=")) {
                result[entry[..<equals].lowercased()] = String(entry[entry.utf8.index(after: equals)...])
            } else {
                result[entry.lowercased()] = String(entry)
            }
        }
        return result
    }()

    /// Lower-cased common given names → the pronoun they go with, when the census data tells one.
    static let givenNames: [String: Gender?] = {
        var result: [String: Gender?] = [:]
        for name in entries(GazetteerData.sharedNames) { result[String(name)] = .some(nil) }
        for name in entries(GazetteerData.maleNames) { result[String(name)] = .male }
        for name in entries(GazetteerData.femaleNames) { result[String(name)] = .female }
        return result
    }()

    /// Which third-person pronoun a given name suggests.
    enum Gender: Sendable { case male, female }

    /// The longest number of words of any place name, bounding span look-ups.
    static let longestPlaceWords = 6

    /// The canonical name of the place spelled `lowered`, if the gazetteer knows it.
    static func place(_ lowered: String) -> String? { places[lowered] }

    static func isGivenName(_ lowered: String) -> Bool { givenNames[lowered] != nil }

    /// The gender the given name `lowered` suggests; nil when unknown or used for both.
    static func gender(ofGivenName lowered: String) -> Gender? { givenNames[lowered] ?? nil }

    /// The entries of a block, cut at "|" and line breaks on its UTF-8 (splitting by `Character`
    /// costs most of building the tables; the generated data has no carriage return, combining
    /// mark or prepended scalar beside a separator, where the two would cut differently).
    private static func entries(_ block: String) -> [Substring] {
        block.utf8.split(whereSeparator: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\n") })
            .map { block[$0.startIndex..<$0.endIndex] }
    }
}
