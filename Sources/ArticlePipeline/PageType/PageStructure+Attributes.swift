/// Reading the attributes of one element for `PageStructure`: class and id words, `rel` links and
/// the generator meta.
extension PageStructure {
    /// Counts the class and id words of element `index`, reads `rel` and the generator meta, and
    /// returns the index of its class attribute in `document.attributes` (-1 without one).
    mutating func readAttributes(
        _ index: Int, document: HTMLDocument, bytes: UnsafeBufferPointer<UInt8>, lastCounted: inout [Int]
    ) -> Int32 {
        let node = document.nodes[index]
        var classSlot: Int32 = -1
        let first = Int(node.firstAttribute)
        for slotIndex in first..<first + Int(node.attributeCount) {
            let slot = document.attributes[slotIndex]
            let name = bytes[Int(slot.nameStart)..<Int(slot.nameStart + slot.nameLength)]
            let value = Int(slot.valueStart)..<Int(slot.valueStart + slot.valueLength)
            let isClass = Self.isName(name, "class")
            if isClass { classSlot = Int32(slotIndex) }
            if isClass || Self.isName(name, "id") {
                var token = WordTable.seed
                var tokenLength = 0
                let words = PageVocabulary.classWordTable
                for position in value.lowerBound...value.upperBound {
                    let raw: UInt8 = position < value.upperBound ? bytes[position] : 0x20
                    let folded = Self.tokenBytes[Int(raw)]
                    if folded != 0 {
                        token = WordTable.step(token, folded)
                        tokenLength += 1
                        continue
                    }
                    if tokenLength > 0, let word = words.index(ofHash: WordTable.finish(token)),
                        lastCounted[word] != index
                    {
                        lastCounted[word] = index
                        classWordCounts[word] += 1
                    }
                    token = WordTable.seed
                    tokenLength = 0
                }
            } else if node.tag == .link || node.tag == .a, Self.isName(name, "rel") {
                let rel = bytes[value]
                if rel.elementsEqual("next".utf8) || rel.elementsEqual("prev".utf8) { paginated = true }
            } else if node.tag == .meta, Self.isName(name, "content"),
                document.attribute("name", of: index)?.lowercased() == "generator"
            {
                readGenerator(bytes[value])
            }
        }
        return classSlot
    }

    /// Whether the attribute name `name` is `literal` (both lower-case ASCII).
    @inline(__always)
    static func isName(_ name: Slice<UnsafeBufferPointer<UInt8>>, _ literal: StaticString) -> Bool {
        guard name.count == literal.utf8CodeUnitCount else { return false }
        var position = name.startIndex
        for offset in 0..<literal.utf8CodeUnitCount {
            guard name[position] == literal.utf8Start[offset] else { return false }
            position += 1
        }
        return true
    }

    mutating func readGenerator(_ value: Slice<UnsafeBufferPointer<UInt8>>) {
        var token = WordTable.seed
        for byte in value.map(ASCII.lowercased) + [0x20] {
            if ASCII.isLetter(byte) {
                token = WordTable.step(token, byte)
            } else {
                if let index = PageVocabulary.generatorTable.index(ofHash: WordTable.finish(token)) {
                    generators[index] = true
                }
                token = WordTable.seed
            }
        }
    }

    /// Bytes of class and id words, lower-cased; 0 for the bytes that separate them (everything
    /// but ASCII letters and digits). One load per byte instead of four comparisons.
    static let tokenBytes: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        return ASCII.isLetter(byte) || ASCII.isDigit(byte) ? ASCII.lowercased(byte) : 0
    }
}

/// The signature of an element, for runs of alike siblings: its tag, whether it has attributes, and
/// its class value with A–Z lower-cased (compared byte for byte, not hashed).
struct Signatures {
    let nodes: UnsafeBufferPointer<HTMLNode>
    let classSlots: [Int32]
    let document: HTMLDocument
    let bytes: UnsafeBufferPointer<UInt8>

    /// Whether the elements `first` and `second` have one signature.
    func alike(_ first: Int, _ second: Int) -> Bool {
        let one = nodes[first]
        let other = nodes[second]
        guard one.tag == other.tag, (one.attributeCount > 0) == (other.attributeCount > 0) else {
            return false
        }
        let oneSlot = classSlots[first]
        let otherSlot = classSlots[second]
        guard oneSlot >= 0, otherSlot >= 0 else { return oneSlot == otherSlot }
        let a = document.attributes[Int(oneSlot)]
        let b = document.attributes[Int(otherSlot)]
        guard a.valueLength == b.valueLength else { return false }
        let aStart = Int(a.valueStart)
        let bStart = Int(b.valueStart)
        for offset in 0..<Int(a.valueLength)
        where ASCII.lowercased(bytes[aStart + offset]) != ASCII.lowercased(bytes[bStart + offset]) {
            return false
        }
        return true
    }
}
