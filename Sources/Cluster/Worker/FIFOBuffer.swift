/// A first-in first-out buffer over an array that releases taken elements in bulk: under steady
/// load (never empty) it still drops what was taken, so memory follows what is queued, not what
/// has passed through.
struct FIFOBuffer<Element> {
    private var storage: [Element] = []
    private var head = 0

    var count: Int { storage.count - head }
    /// Elements held in memory, taken ones included (for tests of the bound).
    var storageCount: Int { storage.count }

    mutating func append(contentsOf elements: [Element]) {
        storage.append(contentsOf: elements)
    }

    mutating func popFirst() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 32 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }
}
