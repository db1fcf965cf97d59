#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level searches over raw buffers (`memchr`/`memmem`), so parsers never build Strings to scan.
enum ByteSearch {
    /// The index of the first occurrence of `needle` in `haystack` at or after `start`.
    static func firstIndex(
        of needle: StaticString, in haystack: UnsafeRawBufferPointer, from start: Int = 0
    )
        -> Int?
    {
        guard start < haystack.count, let base = haystack.baseAddress else { return nil }
        let length = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var from = start
        // memchr for the first byte, then compare the rest (memmem is not portable to every libc).
        while haystack.count - from >= length {
            guard let hit = memchr(base + from, Int32(first), haystack.count - from - length + 1) else {
                return nil
            }
            let index = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(base + index, needle.utf8Start, length) == 0 { return index }
            from = index + 1
        }
        return nil
    }

    /// The index of the first `byte` in `haystack` at or after `start`.
    static func firstIndex(of byte: UInt8, in haystack: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard start < haystack.count, let base = haystack.baseAddress else { return nil }
        guard let hit = memchr(base + start, Int32(byte), haystack.count - start) else { return nil }
        return base.distance(to: UnsafeRawPointer(hit))
    }
}
