/// Finds any of a set of phrases in UTF-8 bytes, written in lower case, capitalised or in capitals
/// ("posted by", "Posted by", "POSTED BY"): a scan that compares only where a phrase's first byte
/// occurs. For the short visible texts the metadata fallbacks read; `String.contains` would build a
/// search table per call.
struct PhraseMatcher: Sendable {
    /// The UTF-8 of every phrase variant, by first byte.
    private let byFirstByte: [[[UInt8]]]

    /// `phrases` in lower case.
    init(_ phrases: [String]) {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for phrase in phrases where !phrase.isEmpty {
            let capitalised = phrase.prefix(1).uppercased() + phrase.dropFirst()
            for variant in Set([phrase, capitalised, phrase.uppercased()]) {
                let bytes = Array(variant.utf8)
                table[Int(bytes[0])].append(bytes)
            }
        }
        byFirstByte = table
    }

    /// The byte range of the first phrase in `bytes` (the longest where several start at one place).
    func firstMatch<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Range<Int>?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        for start in bytes.indices {
            var best: Range<Int>?
            for variant in byFirstByte[Int(bytes[start])] where bytes.endIndex - start >= variant.count {
                var offset = 1
                while offset < variant.count && bytes[start + offset] == variant[offset] { offset += 1 }
                if offset == variant.count, variant.count > best?.count ?? 0 {
                    best = start..<start + variant.count
                }
            }
            if let best { return best }
        }
        return nil
    }

    /// Whether `text` holds a phrase.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstMatch(in: $0) != nil }
    }
}
