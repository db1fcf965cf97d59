/// Byte-level helpers for ASCII, used by the stages that scan raw bytes.
enum ASCII {
    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= 0x61 && lower <= 0x7A
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    /// Whether `needle` (lower-case ASCII) occurs in `haystack`, ASCII letters compared without case.
    /// A plain scan: `String.contains` builds a search table per call, far too slow for every class
    /// attribute of a page.
    static func contains<Bytes: RandomAccessCollection>(_ haystack: Bytes, _ needle: StaticString) -> Bool
    where Bytes.Element == UInt8, Bytes.Index == Int {
        contains(haystack, UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    /// `contains(_:_:)` with the needle (lower-case ASCII) as bytes.
    static func contains<Bytes: RandomAccessCollection>(
        _ haystack: Bytes, _ pattern: UnsafeBufferPointer<UInt8>
    ) -> Bool where Bytes.Element == UInt8, Bytes.Index == Int {
        let count = pattern.count
        guard count > 0, haystack.count >= count else { return count == 0 }
        let first = pattern[0]
        var start = haystack.startIndex
        let last = haystack.endIndex - count
        while start <= last {
            if lowercased(haystack[start]) == first {
                var offset = 1
                while offset < count && lowercased(haystack[start + offset]) == pattern[offset] {
                    offset += 1
                }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }
}
