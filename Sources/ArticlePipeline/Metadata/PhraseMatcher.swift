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
        var pairs = [UInt64](repeating: 0, count: 1024)
        for variants in table {
            for variant in variants {
                // A one-byte phrase is checked at every byte that starts it: mark every pair.
                let seconds: [UInt8] = variant.count > 1 ? [variant[1]] : Array(0...255)
                for second in seconds {
                    let pair = Int(variant[0]) << 8 | Int(second)
                    pairs[pair >> 6] |= 1 << UInt64(pair & 63)
                }
            }
        }
        firstPairs = pairs
    }

    /// Bit set of the first two bytes of every variant: most places are passed by one test.
    private let firstPairs: [UInt64]

    /// The byte range of the first phrase in `bytes` (the longest where several start at one place).
    func firstMatch<Bytes: RandomAccessCollection>(in bytes: Bytes) -> Range<Int>?
    where Bytes.Element == UInt8, Bytes.Index == Int {
        // Contiguous bytes (arrays and their slices: every caller) are scanned in place; any other
        // collection is copied first.
        let found = bytes.withContiguousStorageIfAvailable { firstMatch(inBuffer: $0) }
        let match = found ?? Array(bytes).withUnsafeBufferPointer { firstMatch(inBuffer: $0) }
        return match.map { ($0.lowerBound + bytes.startIndex)..<($0.upperBound + bytes.startIndex) }
    }

    private func firstMatch(inBuffer buffer: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        firstPairs.withUnsafeBufferPointer { firstMatch(in: buffer, pairs: $0) }
    }

    /// `firstMatch(in:)` of a buffer, positions counted from its start.
    private func firstMatch(
        in bytes: UnsafeBufferPointer<UInt8>, pairs: UnsafeBufferPointer<UInt64>
    ) -> Range<Int>? {
        let count = bytes.count
        var start = 0
        while start < count {
            defer { start += 1 }
            if start + 1 < count {
                let pair = Int(bytes[start]) << 8 | Int(bytes[start + 1])
                if pairs[pair >> 6] & (1 << UInt64(pair & 63)) == 0 { continue }
            }
            var best: Range<Int>?
            for variant in byFirstByte[Int(bytes[start])] where count - start >= variant.count {
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
