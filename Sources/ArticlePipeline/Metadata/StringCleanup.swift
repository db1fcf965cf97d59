/// Whitespace handling shared by the extraction stages.
extension String {
    /// The range of the last occurrence of `needle`, by a plain byte scan (`ranges(of:)` builds a
    /// search table per call, costly for the few short titles of every page).
    func lastRange(of needle: String) -> Range<String.Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
        var start = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while true {
            var candidate = start
            var matched = 0
            while matched < pattern.count && haystack[candidate] == pattern[matched] {
                matched += 1
                candidate = haystack.index(after: candidate)
            }
            if matched == pattern.count { return start..<candidate }
            guard start > haystack.startIndex else { return nil }
            start = haystack.index(before: start)
        }
    }

    /// The range of the first occurrence of `needle`, by a plain byte scan (see `lastRange(of:)`).
    func firstByteRange(of needle: String) -> Range<String.Index>? {
        let haystack = utf8
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, haystack.count >= pattern.count else { return nil }
        var start = haystack.startIndex
        let last = haystack.index(haystack.endIndex, offsetBy: -pattern.count)
        while start <= last {
            if haystack[start] == first {
                var candidate = haystack.index(after: start)
                var matched = 1
                while matched < pattern.count && haystack[candidate] == pattern[matched] {
                    matched += 1
                    candidate = haystack.index(after: candidate)
                }
                if matched == pattern.count { return start..<candidate }
            }
            start = haystack.index(after: start)
        }
        return nil
    }

    /// Whether `needle` occurs in the string, by a plain byte scan.
    func containsBytes(_ needle: String) -> Bool {
        firstByteRange(of: needle) != nil
    }

    /// The string without leading and trailing ASCII whitespace.
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !ASCII.isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !ASCII.isWhitespace($0) })
        else { return "" }
        if first == 0 && last == bytes.count - 1 { return self }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Every run of whitespace (ASCII and Unicode spaces such as no-break, thin, ideographic and
    /// zero-width spaces) replaced by one space, trimmed; soft hyphens removed.
    func collapsingWhitespace() -> String {
        var source = self
        return source.withUTF8 { Self.collapsingWhitespace($0) }
    }

    /// `collapsingWhitespace()` of UTF-8 bytes (which must be valid UTF-8).
    static func collapsingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { output in
            var count = 0
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 && !ASCII.isWhitespace(byte) && byte != 0x0B {  // fast path: plain ASCII
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    output[count] = byte
                    count += 1
                    index += 1
                    continue
                }
                let (kind, width) = Self.whitespaceKind(bytes, at: index)
                switch kind {
                case .space:
                    pendingSpace = count > 0
                case .invisible:
                    break
                case .none:
                    if pendingSpace {
                        output[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    for offset in 0..<width {
                        output[count] = bytes[index + offset]
                        count += 1
                    }
                }
                index += width
            }
            return count
        }
    }

    /// `collapsingWhitespace()` of UTF-8 bytes.
    static func collapsingWhitespace(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { collapsingWhitespace($0) }
    }

    private enum WhitespaceKind {
        case none, space, invisible
    }

    /// Classifies the character starting at `index` by its UTF-8 bytes; other multi-byte characters
    /// are reported one byte at a time (width 1) and copied through unchanged.
    private static func whitespaceKind(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: Int
    ) -> (WhitespaceKind, Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (ASCII.isWhitespace(byte) || byte == 0x0B ? .space : .none, 1) }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        let third = index + 2 < bytes.count ? bytes[index + 2] : 0
        switch byte {
        case 0xC2 where next == 0x85 || next == 0xA0: return (.space, 2)  // NEL, no-break space
        case 0xC2 where next == 0xAD: return (.invisible, 2)  // soft hyphen
        case 0xE1 where next == 0x9A && third == 0x80: return (.space, 3)  // ogham space
        case 0xE2 where next == 0x80 && (third <= 0x8B || third == 0xA8 || third == 0xA9 || third == 0xAF):
            return (.space, 3)  // U+2000–200B, line and paragraph separators, narrow no-break space
        case 0xE2 where next == 0x81 && third == 0x9F: return (.space, 3)  // medium mathematical space
        case 0xE3 where next == 0x80 && third == 0x80: return (.space, 3)  // ideographic space
        default: return (.none, 1)
        }
    }
}
