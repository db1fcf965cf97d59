/// The Unicode properties the tokenizer asks of non-ASCII scalars, looked up once per distinct
/// scalar of an article and kept in a small direct-mapped table: an article's non-ASCII scalars
/// are a few quotation marks, dashes and letters used again and again, and each property lookup
/// costs hundreds of instructions. One per tokenizer call (no shared state).
struct ScalarProperties {
    struct Entry {
        var isWord = false
        var isSpace = false
        var isAlphabetic = false
        var isUppercase = false
        var isLowercase = false
        var isNumeric = false
    }

    private var keys = [UInt32](repeating: 0, count: 256)
    private var entries = [Entry](repeating: Entry(), count: 256)

    /// The properties of a non-ASCII `scalar` (key 0, the empty slot, is ASCII and never asked).
    mutating func of(_ scalar: Unicode.Scalar) -> Entry {
        let slot = Int(scalar.value & 255)
        if keys[slot] == scalar.value { return entries[slot] }
        let properties = scalar.properties
        let entry = Entry(
            isWord: EnrichScalars.isWordScalar(scalar), isSpace: EnrichScalars.isSpace(scalar),
            isAlphabetic: properties.isAlphabetic, isUppercase: properties.isUppercase,
            isLowercase: properties.isLowercase, isNumeric: properties.numericType != nil)
        keys[slot] = scalar.value
        entries[slot] = entry
        return entry
    }

    /// `EnrichScalars.isWordScalar`.
    @inline(__always)
    mutating func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return EnrichScalars.isWordScalar(scalar) }
        return of(scalar).isWord
    }

    /// `EnrichScalars.isSpace`.
    @inline(__always)
    mutating func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return EnrichScalars.isSpace(scalar) }
        return of(scalar).isSpace
    }

    /// `EnrichScalars.isUppercase`.
    @inline(__always)
    mutating func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return EnrichScalars.isUppercase(scalar) }
        return of(scalar).isUppercase
    }

    /// `EnrichScalars.isLowercase`.
    @inline(__always)
    mutating func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return EnrichScalars.isLowercase(scalar) }
        return of(scalar).isLowercase
    }
}
