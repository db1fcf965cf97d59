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

    func info(_ bytes: UnsafeBufferPointer<UInt8>) -> WordInfo {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return .none }
            if hashes[entry] == hash && isEntry(entry, bytes) { return infos[entry] }
            slot = (slot + 1) & mask
        }
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
