/// How far the input is done: the highest job number n such that jobs 1…n are all committed, and
/// how many input items those jobs consumed. A resumed run skips exactly that many items, so what
/// it processes twice is bounded by what was in flight. Pure state.
public struct InputWatermark: Sendable, Equatable {
    public private(set) var job = 0
    public private(set) var items = 0
    private var itemsOfOpenJobs: [Int: Int] = [:]
    private var committedAhead: Set<Int> = []

    public init(job: Int = 0, items: Int = 0) {
        self.job = job
        self.items = items
    }

    /// A job was cut from the input with `items` items.
    public mutating func cut(job number: Int, items count: Int) {
        itemsOfOpenJobs[number] = count
    }

    /// A job was committed; returns true when the watermark moved.
    @discardableResult
    public mutating func committed(job number: Int) -> Bool {
        guard number > job else { return false }
        committedAhead.insert(number)
        var moved = false
        while committedAhead.contains(job + 1), let count = itemsOfOpenJobs[job + 1] {
            job += 1
            items += count
            committedAhead.remove(job)
            itemsOfOpenJobs[job] = nil
            moved = true
        }
        return moved
    }
}
