import Synchronization

/// A thread-safe hand-over queue: producers append from any thread, the owner takes all at once.
final class LockedQueue<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func append(_ element: Element) {
        items.withLock { $0.append(element) }
    }

    func takeAll() -> [Element] {
        items.withLock { items in
            defer { items.removeAll() }
            return items
        }
    }
}
