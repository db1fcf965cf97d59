import Glibc

/// What a pure test said of attribute values on one page, remembered by value: pages repeat their
/// `class` values (every card, every list item, every comment), and the tests that read their words
/// cost thousands of instructions per value. A value is found again by its hash and then compared
/// byte for byte (with its `salt`, e.g. the element's tag when the result depends on it), so a
/// collision only costs a second computation.
struct AttributeValueMemo<Value> {
    private struct Entry {
        var start: Int32
        var length: Int32
        var salt: UInt8
        var value: Value
    }

    private var entries: [UInt64: Entry] = [:]

    /// The result for the value of `slot` in `bytes`, from `compute` the first time it is seen.
    mutating func value(
        of slot: HTMLAttributeSlot, salt: UInt8 = 0, in bytes: UnsafeBufferPointer<UInt8>,
        compute: (UnsafeBufferPointer<UInt8>) -> Value
    ) -> Value {
        let start = Int(slot.valueStart)
        let length = Int(slot.valueLength)
        let text = UnsafeBufferPointer(rebasing: bytes[start..<start + length])
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(salt)
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        if let entry = entries[hash] {
            if entry.salt == salt, Int(entry.length) == length,
                Self.same(bytes, Int(entry.start), start, length)
            {
                return entry.value
            }
            return compute(text)
        }
        let value = compute(text)
        entries[hash] = Entry(start: slot.valueStart, length: slot.valueLength, salt: salt, value: value)
        return value
    }

    private static func same(
        _ bytes: UnsafeBufferPointer<UInt8>, _ first: Int, _ second: Int, _ length: Int
    ) -> Bool {
        guard length > 0, let base = bytes.baseAddress else { return true }
        return memcmp(base + first, base + second, length) == 0
    }
}
