/// A double-ended queue of job ids: retries go to the front, new jobs to the back.
struct JobQueue: Sendable {
    private var front: [String] = []  // reversed: the last element is the head
    private var back: [String] = []
    private var backHead = 0

    var count: Int { front.count + back.count - backHead }
    var isEmpty: Bool { count == 0 }

    mutating func pushBack(_ job: String) { back.append(job) }

    mutating func pushFront(_ job: String) { front.append(job) }

    mutating func popFront() -> String? {
        if let job = front.popLast() { return job }
        guard backHead < back.count else { return nil }
        let job = back[backHead]
        backHead += 1
        if backHead > 1_024 && backHead * 2 > back.count {
            back.removeFirst(backHead)
            backHead = 0
        }
        return job
    }
}
