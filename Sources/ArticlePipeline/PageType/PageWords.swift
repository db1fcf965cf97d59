/// The genre words (`PageVocabulary.genreWords`) a page uses where it names itself: in its
/// address's path, in its `<title>` and in its headings. A word is a run of letters (ASCII letters
/// lower-cased, and any non-ASCII byte); digits and punctuation separate words.
///
/// Headings and the title are a small part of a page, so reading them costs little.
struct PageWords {
    /// Which genre words the address's path and the title hold.
    var inAddress = [Bool](repeating: false, count: PageVocabulary.genreWords.count)
    var inTitle = [Bool](repeating: false, count: PageVocabulary.genreWords.count)
    /// How many times each genre word occurs in the headings, and the headings' words of any kind.
    var inHeadings = [Int](repeating: 0, count: PageVocabulary.genreWords.count)
    var headingWords = 0
    /// Whether the title was read (only the first `<title>` counts).
    var titleRead = false

    mutating func readAddress(segments: [String]) {
        for segment in segments {
            Self.forEachWord(in: segment.utf8) { if let index = $0 { inAddress[index] = true } }
        }
    }

    mutating func readTitle<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        titleRead = true
        Self.forEachWord(in: bytes) { if let index = $0 { inTitle[index] = true } }
    }

    mutating func readHeading<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        Self.forEachWord(in: bytes) {
            headingWords += 1
            if let index = $0 { inHeadings[index] += 1 }
        }
    }

    /// Calls `body` once per word of `bytes` with the word's index in the genre vocabulary (nil
    /// for any other word).
    @inline(__always)
    static func forEachWord<Bytes: Sequence>(in bytes: Bytes, _ body: (Int?) -> Void)
    where Bytes.Element == UInt8 {
        let table = PageVocabulary.genreTable
        var hash = WordTable.seed
        var length = 0
        for byte in bytes {
            if byte >= 0x80 || ASCII.isLetter(byte) {
                hash = WordTable.step(hash, ASCII.lowercased(byte))
                length += 1
            } else if length > 0 {
                body(table.index(ofHash: WordTable.finish(hash)))
                hash = WordTable.seed
                length = 0
            }
        }
        if length > 0 { body(table.index(ofHash: WordTable.finish(hash))) }
    }
}
