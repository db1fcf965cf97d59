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

    /// The element named by `bytes[start..<end]` (any case), or `.unknown`.
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTag {
        guard end > start, end - start <= 16 else { return .unknown }
        let (low, high) = pack(bytes, start, end)
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
