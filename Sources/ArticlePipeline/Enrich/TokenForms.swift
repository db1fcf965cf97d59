/// Numbers the distinct lower-cased forms of a text's tokens, so that "does the text write this word
/// somewhere else" is an array look-up by token index instead of hashing a `String` per question.
///
/// Two tokens get the same number exactly when their `lower` strings are equal as `String`s. ASCII
/// forms (nearly all) are found by the FNV-1a hash of their bytes in an open-addressing table;
/// other forms go through a `Dictionary`, whose hashing follows `String` equality (canonical
/// equivalence). Should a non-ASCII form contain a scalar equivalent to an ASCII one (the Kelvin
/// sign, the Greek question mark or varia), every form is numbered through the `Dictionary`.
struct TokenForms {
    /// Token index → the number of its lower-cased form.
    let ids: [Int32]
    /// How many distinct forms the text has.
    let count: Int

    init(tokens: [EnrichToken]) {
        if let fast = Self.numberedByBytes(tokens) {
            (ids, count) = fast
        } else {
            (ids, count) = Self.numberedByDictionary(tokens)
        }
    }

    /// The numbering with the byte table for ASCII forms (by the hash the tokenizer computed); nil
    /// when a form could be equal to an ASCII one without having its bytes.
    private static func numberedByBytes(_ tokens: [EnrichToken]) -> ([Int32], Int)? {
        tokens.withUnsafeBufferPointer(numberedByBytes)
    }

    private static func numberedByBytes(_ tokens: UnsafeBufferPointer<EnrichToken>) -> ([Int32], Int)? {
        var size = 64
        while size < tokens.count * 2 { size *= 2 }
        let mask = size - 1
        var slots = [Int32](repeating: -1, count: size)
        var hashes: [UInt64] = []
        // Form number → the first token written in that form.
        var representatives: [Int] = []
        var others: [String: Int32] = [:]
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        for index in tokens.indices {
            let hash = tokens[index].lowerHash
            if !tokens[index].lowerIsASCII {
                let lower = tokens[index].lower
                if hasASCIIEquivalent(lower) { return nil }
                if let id = others[lower] {
                    ids.append(id)
                } else {
                    let id = Int32(representatives.count)
                    others[lower] = id
                    hashes.append(hash)
                    representatives.append(index)
                    ids.append(id)
                }
                continue
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = slots[slot]
                if entry < 0 {
                    let id = Int32(representatives.count)
                    slots[slot] = id
                    hashes.append(hash)
                    representatives.append(index)
                    ids.append(id)
                    break
                }
                if hashes[Int(entry)] == hash,
                    tokens[representatives[Int(entry)]].lower == tokens[index].lower
                {
                    ids.append(entry)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return (ids, representatives.count)
    }

    /// The numbering with a `Dictionary` for every form.
    private static func numberedByDictionary(_ tokens: [EnrichToken]) -> ([Int32], Int) {
        var numbers: [String: Int32] = [:]
        let ids = tokens.map { token in
            if let id = numbers[token.lower] { return id }
            let id = Int32(numbers.count)
            numbers[token.lower] = id
            return id
        }
        return (ids, numbers.count)
    }

    /// Whether `text` holds a scalar whose canonical decomposition is ASCII.
    private static func hasASCIIEquivalent(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\u{212A}" || $0 == "\u{037E}" || $0 == "\u{1FEF}" }
    }
}
