/// The parser's byte arena while a page is tokenized: decoded text, attribute names and values and
/// the names of unknown elements, written straight into the storage of the document's `bytes`.
///
/// An append is a bounds check and a copy. (`Array.append(contentsOf:)` costs about a hundred
/// instructions a call in its generic path, and the tokenizer appends three times per tag and once
/// per text run.) The storage is lent by `HTMLTokenizer.tokenize`, sized so that it cannot run out:
/// every byte written comes from input bytes of its own, and no character reference decodes to
/// more than 1.2 times its length. A write past the end stops the program rather than the page.
///
/// Not Sendable: one per tree builder (one per thread).
final class ByteArena {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity = 0
    /// Where `base` points while no storage is lent.
    private let empty: UnsafeMutablePointer<UInt8>

    init() {
        empty = .allocate(capacity: 1)
        base = empty
    }

    deinit { empty.deallocate() }

    /// Writes into `storage` from its start until `detach`.
    func attach(_ storage: UnsafeMutableBufferPointer<UInt8>) {
        base = storage.baseAddress ?? empty
        capacity = storage.baseAddress == nil ? 0 : storage.count
        count = 0
    }

    /// Stops writing into the lent storage; returns how many bytes were written.
    func detach() -> Int {
        let written = count
        base = empty
        capacity = 0
        count = 0
        return written
    }

    /// Empties the arena.
    func removeAll() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> UInt8 {
        get {
            precondition(index >= 0 && index < count, "arena index out of range")
            return base[index]
        }
        set {
            precondition(index >= 0 && index < count, "arena index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        precondition(count < capacity, "arena storage too small")
        base[count] = byte
        count += 1
    }

    /// Appends `source[start..<end]`.
    @inline(__always)
    func append(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        precondition(start >= 0 && start <= end && end <= source.count, "arena source range out of bounds")
        let length = end - start
        guard length > 0, let from = source.baseAddress else { return }
        precondition(length <= capacity - count, "arena storage too small")
        (base + count).initialize(from: from + start, count: length)
        count += length
    }

    /// Drops the bytes from `newCount` on.
    func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "arena truncated past its end")
        count = newCount
    }
}

/// Where `HTMLCharacterReferences` writes what it decodes: the parser's arena, or an array.
protocol ByteSink {
    mutating func append(_ byte: UInt8)
}

extension ByteArena: ByteSink {}

extension Array: ByteSink where Element == UInt8 {}
