/// Word counts and the simhash fingerprint of an article's text.
enum TextStatistics {
    /// Words a reader reads per minute, for `reading_minutes`.
    static let wordsPerMinute = 230

    /// The words of `text`: maximal runs of Unicode letters, digits and combining marks, lower-cased.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index?
        var index = text.startIndex
        let scalars = text.unicodeScalars
        while index < text.endIndex {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                if start == nil { start = index }
            } else if let wordStart = start {
                result.append(text[wordStart..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let wordStart = start { result.append(text[wordStart...]) }
        return result
    }

    static func readingMinutes(words: Int) -> Int {
        guard words > 0 else { return 0 }
        return max(1, Int((Double(words) / Double(wordsPerMinute)).rounded()))
    }

    /// A 64-bit simhash over word 3-shingles (lower-cased), each hashed with `StableID.hash64`;
    /// nil for a text without words. Fewer than three words make one shingle.
    static func simhash(words: [Substring]) -> UInt64? {
        guard !words.isEmpty else { return nil }
        // Lower-cased words in one buffer (ASCII words lower-cased byte by byte), and each shingle
        // assembled in one reused buffer: the same bytes as joining strings, without allocating.
        var lowered: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(words.count)
        for word in words {
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                for byte in word.utf8 { lowered.append(ASCII.lowercased(byte)) }
            } else {
                lowered.append(contentsOf: word.lowercased().utf8)
            }
            ends.append(lowered.count)
        }
        // Bit weights in eight lanes of eight: each hash byte adds its ±1 votes in one vector add.
        var weights = [SIMD8<Int32>](repeating: .zero, count: 8)
        var shingle: [UInt8] = []
        let shingleCount = max(1, words.count - 2)
        bitVotes.withUnsafeBufferPointer { votes in
            for start in 0..<shingleCount {
                shingle.removeAll(keepingCapacity: true)
                for word in start..<min(start + 3, words.count) {
                    if word > start { shingle.append(0x20) }
                    shingle.append(contentsOf: lowered[(word == 0 ? 0 : ends[word - 1])..<ends[word]])
                }
                let hash = StableID.hash64(shingle)
                for lane in 0..<8 {
                    weights[lane] &+= votes[Int(truncatingIfNeeded: (hash >> UInt64(lane * 8)) & 0xFF)]
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where weights[bit / 8][bit % 8] > 0 {
            result |= 1 << UInt64(bit)
        }
        return result
    }

    /// For each byte value, +1 or −1 per bit, lowest bit first.
    private static let bitVotes: [SIMD8<Int32>] = (0..<256).map { byte in
        var votes = SIMD8<Int32>(repeating: -1)
        for bit in 0..<8 where (byte >> bit) & 1 == 1 { votes[bit] = 1 }
        return votes
    }

    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = UInt8(scalar.value)
            return ASCII.isLetter(value) || ASCII.isDigit(value)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default: return false
        }
    }
}
