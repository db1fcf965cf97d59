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
        return simhash(lowered: lowered, ends: ends)
    }

    /// The word count and simhash of `text`: `words(text).count` and `simhash(words: words(text))`
    /// in one pass over its UTF-8, without a `Substring` or a lower-cased `String` per word (the
    /// record stage runs this on every article).
    static func fingerprint(_ text: String) -> (words: Int, simhash: UInt64?) {
        var text = text
        let (lowered, ends) = text.withUTF8 { loweredWords($0) }
        return (ends.count, ends.isEmpty ? nil : simhash(lowered: lowered, ends: ends))
    }

    /// The words of valid UTF-8 `bytes`, lower-cased into one buffer; word `k` ends at `ends[k]`.
    /// `String.lowercased()` maps each scalar on its own, so the words' scalars are mapped one by one.
    private static func loweredWords(_ bytes: UnsafeBufferPointer<UInt8>) -> (lowered: [UInt8], ends: [Int]) {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(bytes.count)
        var ends: [Int] = []
        var cache = ScalarCache()
        var inWord = false
        var position = 0
        while position < bytes.count {
            let byte = bytes[position]
            if byte < 0x80 {
                if ASCII.isLetter(byte) || ASCII.isDigit(byte) {
                    lowered.append(ASCII.lowercased(byte))
                    inWord = true
                } else if inWord {
                    ends.append(lowered.count)
                    inWord = false
                }
                position += 1
                continue
            }
            let (scalar, width) = decodeScalar(bytes, at: position)
            if cache.appendLowercased(scalar, to: &lowered) {
                inWord = true
            } else if inWord {
                ends.append(lowered.count)
                inWord = false
            }
            position += width
        }
        if inWord { ends.append(lowered.count) }
        return (lowered, ends)
    }

    /// The simhash of words given as lower-cased bytes, word `k` ending at `ends[k]`.
    private static func simhash(lowered: [UInt8], ends: [Int]) -> UInt64 {
        // Bit weights in eight lanes of eight: each hash byte adds its ±1 votes in one vector add.
        var weights = [SIMD8<Int32>](repeating: .zero, count: 8)
        let shingleCount = max(1, ends.count - 2)
        bitVotes.withUnsafeBufferPointer { votes in
            lowered.withUnsafeBufferPointer { bytes in
                weights.withUnsafeMutableBufferPointer { weights in
                    for start in 0..<shingleCount {
                        // `StableID.hash64` of the words joined by a space, without joining them.
                        var hash = StableID.offsetBasis
                        for word in start..<min(start + 3, ends.count) {
                            if word > start { hash = StableID.step(hash, 0x20) }
                            for offset in (word == 0 ? 0 : ends[word - 1])..<ends[word] {
                                hash = StableID.step(hash, bytes[offset])
                            }
                        }
                        hash = StableID.finalise(hash)
                        for lane in 0..<8 {
                            weights[lane] &+=
                                votes[Int(truncatingIfNeeded: (hash >> UInt64(lane * 8)) & 0xFF)]
                        }
                    }
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where weights[bit / 8][bit % 8] > 0 {
            result |= 1 << UInt64(bit)
        }
        return result
    }

    /// The scalar value of the valid UTF-8 sequence that starts with a non-ASCII byte at `position`,
    /// and its length in bytes.
    @inline(__always)
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[position])
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[position + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (
                (lead & 0x0F) << 12 | UInt32(bytes[position + 1] & 0x3F) << 6
                    | UInt32(bytes[position + 2] & 0x3F),
                3
            )
        }
        return (
            (lead & 0x07) << 18 | UInt32(bytes[position + 1] & 0x3F) << 12
                | UInt32(bytes[position + 2] & 0x3F) << 6 | UInt32(bytes[position + 3] & 0x3F), 4
        )
    }

    /// `isWordScalar` and the lower-case mapping of non-ASCII scalars, remembered in a small
    /// direct-mapped table: a text's non-ASCII scalars are mostly a few quotation marks, dashes and
    /// accented letters, and each Unicode property lookup costs hundreds of instructions.
    private struct ScalarCache {
        private var keys = [UInt32](repeating: 0, count: 64)
        private var isWord = [Bool](repeating: false, count: 64)
        /// The UTF-8 of the lower-case mapping, little-endian, and its length (0 for mappings longer
        /// than 8 bytes, which are not kept).
        private var lower = [UInt64](repeating: 0, count: 64)
        private var lowerCount = [Int](repeating: 0, count: 64)

        /// Appends the lower-case mapping of a word scalar to `lowered` and returns true; returns
        /// false for other scalars.
        mutating func appendLowercased(_ value: UInt32, to lowered: inout [UInt8]) -> Bool {
            let slot = Int(value & 63)
            // Keys start at 0, which is ASCII: never looked up here.
            if keys[slot] != value { fill(slot, value) }
            guard isWord[slot] else { return false }
            var count = lowerCount[slot]
            guard count > 0 else {
                // A valid UTF-8 sequence decodes to a valid scalar.
                lowered.append(contentsOf: Unicode.Scalar(value)!.properties.lowercaseMapping.utf8)
                return true
            }
            var bytes = lower[slot]
            while count > 0 {
                lowered.append(UInt8(truncatingIfNeeded: bytes))
                bytes >>= 8
                count -= 1
            }
            return true
        }

        private mutating func fill(_ slot: Int, _ value: UInt32) {
            let scalar = Unicode.Scalar(value)!
            keys[slot] = value
            isWord[slot] = TextStatistics.isWordScalar(scalar)
            let mapping = Array(scalar.properties.lowercaseMapping.utf8)
            lowerCount[slot] = mapping.count <= 8 ? mapping.count : 0
            lower[slot] = mapping.prefix(8).reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }
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
