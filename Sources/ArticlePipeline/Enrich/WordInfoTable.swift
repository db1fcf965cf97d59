/// `WordInfo.table` for the tokenizer's one lookup per token: an open-addressing table keyed by the
/// FNV-1a hash of the word's UTF-8, each hit checked against the word's bytes. About a tenth of the
/// cost of a `Dictionary<String, WordInfo>` lookup (no seeded SipHash, no String comparison), and
/// the same answers.
struct WordInfoTable: Sendable {
    /// Per slot: the entry's index, or -1.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let infos: [WordInfo]
    /// Entry `k`'s bytes are `arena[starts[k]..<starts[k + 1]]`.
    private let starts: [Int]
    private let arena: [UInt8]
    private let mask: Int

    init(_ table: [String: WordInfo]) {
        var size = 64
        while size < table.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var hashes: [UInt64] = []
        var infos: [WordInfo] = []
        var starts = [0]
        var arena: [UInt8] = []
        for (word, info) in table {
            let hash = Self.hash(Array(word.utf8))
            var slot = Int(truncatingIfNeeded: hash) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(infos.count)
            hashes.append(hash)
            infos.append(info)
            arena.append(contentsOf: word.utf8)
            starts.append(arena.count)
        }
        self.slots = slots
        self.hashes = hashes
        self.infos = infos
        self.starts = starts
        self.arena = arena
        mask = size - 1
    }

    /// The info of `word`, or `.none` when no list holds it.
    func info(_ word: String) -> WordInfo {
        var word = word
        return word.withUTF8 { info($0) }
    }

    /// The info of `word`, with the FNV-1a hash of its UTF-8 and whether that is all ASCII.
    func lookUp(_ word: String) -> (info: WordInfo, hash: UInt64, isASCII: Bool) {
        var word = word
        return word.withUTF8 { bytes in
            var hash = StableID.offsetBasis
            var bits: UInt8 = 0
            for byte in bytes {
                hash = StableID.step(hash, byte)
                bits |= byte
            }
            return (info(bytes, hash: hash), hash, bits < 0x80)
        }
    }

    func info(_ bytes: UnsafeBufferPointer<UInt8>) -> WordInfo {
        info(bytes, hash: Self.hash(bytes))
    }

    /// The info of `bytes`, whose FNV-1a hash is `hash`.
    private func info(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> WordInfo {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return .none }
            if hashes[entry] == hash && isEntry(entry, bytes) { return infos[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// The info of the lower-cased words of `words` joined by single spaces, read from their bytes
    /// without building the joined `String`; nil when a word is not ASCII (the caller asks a
    /// `Dictionary`, whose `String` equality also matches other spellings of the same text). The
    /// first word's bytes are not read again: its `lowerHash` is the hash's state after them.
    func info(words: ArraySlice<EnrichToken>) -> WordInfo? {
        guard let first = words.first, first.lowerIsASCII else { return nil }
        var hash = first.lowerHash
        var bits: UInt8 = 0
        var length = first.lower.utf8.count
        for word in words.dropFirst() {
            hash = StableID.step(hash, 0x20)
            length += 1
            for byte in word.lower.utf8 {
                hash = StableID.step(hash, byte)
                bits |= byte
                length += 1
            }
        }
        guard bits < 0x80 else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return WordInfo.none }
            if hashes[entry] == hash && isEntry(entry, words: words, length: length) { return infos[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// Whether entry `entry` is `words` joined by spaces, `length` bytes in all.
    private func isEntry(_ entry: Int, words: ArraySlice<EnrichToken>, length: Int) -> Bool {
        var offset = starts[entry]
        guard starts[entry + 1] - offset == length else { return false }
        var first = true
        for word in words {
            if !first {
                guard arena[offset] == 0x20 else { return false }
                offset += 1
            }
            first = false
            for byte in word.lower.utf8 {
                guard arena[offset] == byte else { return false }
                offset += 1
            }
        }
        return true
    }

    private func isEntry(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry]
        guard starts[entry + 1] - start == bytes.count else { return false }
        for offset in 0..<bytes.count where arena[start + offset] != bytes[offset] { return false }
        return true
    }

    @inline(__always)
    private static func hash<Bytes: Collection>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = StableID.offsetBasis
        for byte in bytes { hash = StableID.step(hash, byte) }
        return hash
    }
}
