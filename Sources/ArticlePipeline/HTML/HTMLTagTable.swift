/// Maps tag-name bytes to `HTMLTag` with one multiply and a probe in a small open-addressing table.
///
/// Names are packed into two 64-bit words (lower-cased, up to 16 bytes; longer names are never
/// known elements), so a lookup costs no allocation and no string hashing.
enum HTMLTagTable {
    private static let bits = 9
    private struct Slot {
        var low: UInt64
        var high: UInt64
        var tag: HTMLTag
    }

    private static let slots: [Slot] = {
        var slots = [Slot](repeating: Slot(low: 0, high: 0, tag: .unknown), count: 1 << bits)
        for tag in HTMLTag.allCases where tag != .unknown {
            let name = Array(tag.name.utf8)
            let (low, high) = name.withUnsafeBufferPointer { pack($0, 0, $0.count) }
            var index = hash(low, high)
            while slots[index].tag != .unknown { index = (index + 1) & ((1 << bits) - 1) }
            slots[index] = Slot(low: low, high: high, tag: tag)
        }
        return slots
    }()

    @inline(__always)
    private static func hash(_ low: UInt64, _ high: UInt64) -> Int {
        Int(
            truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F))
                >> (64 - bits))
    }

    /// `bytes[start..<end]` lower-cased and packed little-endian; the caller checks `end - start <= 16`.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var index = start
        while index < end {
            let byte = UInt64(ASCII.lowercased(bytes[index]))
            let offset = index - start
            if offset < 8 { low |= byte << (offset * 8) } else { high |= byte << ((offset - 8) * 8) }
            index += 1
        }
        return (low, high)
    }

    /// `pack` of at most 8 bytes with 8 readable bytes at `start`: one load, the bytes past `end`
    /// masked off, A–Z lower-cased eight at a time (tag names of most elements fit).
    @inline(__always)
    static func packWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (UInt64, UInt64) {
        var word = UInt64(
            littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
        let length = end - start
        if length < 8 { word &= (1 << UInt64(length * 8)) - 1 }
        return (lowercased(word), 0)
    }

    /// Every byte of `word` in A–Z lower-cased, others unchanged. Each byte's low seven bits are
    /// compared with 0x41 and 0x5B by adding in its high bit (no carry reaches the next byte), and
    /// bytes with the high bit set are left alone.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = low &+ 0x2525_2525_2525_2525
        let upper = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        return word | upper >> 2
    }

    /// The element named by `bytes[start..<end]` (any case), or `.unknown`.
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTag {
        guard end > start, end - start <= 16 else { return .unknown }
        let (low, high) =
            end - start <= 8 && start + 8 <= bytes.count
            ? packWord(bytes, start, end) : pack(bytes, start, end)
        return slots.withUnsafeBufferPointer { slots in
            var index = hash(low, high)
            while true {
                let slot = slots[index]
                if slot.tag == .unknown { return .unknown }
                if slot.low == low && slot.high == high { return slot.tag }
                index = (index + 1) & ((1 << bits) - 1)
            }
        }
    }
}
