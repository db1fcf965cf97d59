#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decodes string contents that `JSONByteCursor` has already validated into UTF-8 bytes.
///
/// Validation happened in the scan, so decoding only copies runs between backslashes (`memchr` to
/// find them) and expands escapes; a string without escapes is one copy.
enum JSONStringDecoder {
    /// The decoded bytes of `span`, a validated string in `line`.
    static func bytes(_ span: JSONStringSpan, of line: UnsafeRawBufferPointer) -> [UInt8] {
        let raw = UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])
        guard span.escaped else { return Array(raw) }
        // Escapes only ever shrink: the raw length bounds the decoded length.
        return [UInt8](unsafeUninitializedCapacity: raw.count) { output, count in
            count = decode(raw, into: UnsafeMutableRawBufferPointer(output))
        }
    }

    /// The decoded text of `span`, a validated string in `line`.
    static func string(_ span: JSONStringSpan, of line: UnsafeRawBufferPointer) -> String {
        let raw = UnsafeRawBufferPointer(rebasing: line[span.start..<span.end])
        guard span.escaped else { return String(decoding: raw, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: raw.count) { output in
            decode(raw, into: UnsafeMutableRawBufferPointer(output))
        }
    }

    /// Appends the decoded bytes of `span` to `output`.
    static func append(_ span: JSONStringSpan, of line: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        output.append(contentsOf: bytes(span, of: line))
    }

    /// Decodes validated contents `raw` into `output` (at least `raw.count` bytes); returns the length.
    private static func decode(
        _ raw: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> Int {
        guard let source = raw.baseAddress, let target = output.baseAddress else { return 0 }
        var read = 0
        var written = 0
        while read < raw.count {
            let run: Int
            if let hit = memchr(source + read, 0x5c, raw.count - read) {
                run = source.distance(to: UnsafeRawPointer(hit)) - read
            } else {
                run = raw.count - read
            }
            (target + written).copyMemory(from: source + read, byteCount: run)
            read += run
            written += run
            guard read < raw.count else { break }
            let kind = raw[read + 1]
            read += 2
            switch kind {
            case 0x62: target.storeBytes(of: 0x08, toByteOffset: written, as: UInt8.self)
            case 0x66: target.storeBytes(of: 0x0c, toByteOffset: written, as: UInt8.self)
            case 0x6e: target.storeBytes(of: 0x0a, toByteOffset: written, as: UInt8.self)
            case 0x72: target.storeBytes(of: 0x0d, toByteOffset: written, as: UInt8.self)
            case 0x74: target.storeBytes(of: 0x09, toByteOffset: written, as: UInt8.self)
            case 0x75:
                var scalar = UInt32(hexUnit(raw, at: read))
                read += 4
                if scalar & 0xfc00 == 0xd800 {
                    let low = UInt32(hexUnit(raw, at: read + 2))
                    read += 6
                    scalar = 0x10000 + (scalar - 0xd800) << 10 + (low - 0xdc00)
                }
                written += encode(scalar, into: target + written)
                continue
            default:  // \" \\ \/ stand for themselves
                target.storeBytes(of: kind, toByteOffset: written, as: UInt8.self)
            }
            written += 1
        }
        return written
    }

    private static func hexUnit(_ raw: UnsafeRawBufferPointer, at offset: Int) -> UInt16 {
        var unit: UInt16 = 0
        for digit in raw[offset..<(offset + 4)] {
            unit = unit << 4 | UInt16(JSONByteCursor.hexValue(digit) ?? 0)
        }
        return unit
    }

    /// Writes `scalar` as UTF-8; returns the byte count.
    private static func encode(_ scalar: UInt32, into target: UnsafeMutableRawPointer) -> Int {
        func put(_ value: UInt32, _ offset: Int) {
            target.storeBytes(of: UInt8(truncatingIfNeeded: value), toByteOffset: offset, as: UInt8.self)
        }
        switch scalar {
        case ..<0x80:
            put(scalar, 0)
            return 1
        case ..<0x800:
            put(0xc0 | scalar >> 6, 0)
            put(0x80 | scalar & 0x3f, 1)
            return 2
        case ..<0x10000:
            put(0xe0 | scalar >> 12, 0)
            put(0x80 | scalar >> 6 & 0x3f, 1)
            put(0x80 | scalar & 0x3f, 2)
            return 3
        default:
            put(0xf0 | scalar >> 18, 0)
            put(0x80 | scalar >> 12 & 0x3f, 1)
            put(0x80 | scalar >> 6 & 0x3f, 2)
            put(0x80 | scalar & 0x3f, 3)
            return 4
        }
    }
}
