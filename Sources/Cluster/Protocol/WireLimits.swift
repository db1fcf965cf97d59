/// The bounds every decoded message is checked against before any role acts on it: a number or a
/// name from a peer is input, so it is validated at the boundary and never trusted to fit.
public struct WireLimits: Sendable, Equatable {
    /// Articles (and read failures) in one job: the largest `--batch`.
    public var maxArticlesPerJob = 10_000
    /// Free slots one message may announce (per-worker capacity is bounded again by the scheduler).
    public var maxCredit = 1 << 16
    /// Threads a worker may declare.
    public var maxThreads = 4_096
    /// Attempt numbers a job may carry.
    public var maxAttempts = 1_000
    /// Bytes of a job id, a peer id, a host name, a lease token.
    public var maxNameBytes = 255
    /// Bytes of an article id.
    public var maxArticleIDBytes = 512
    /// Bytes of free text (an error or finish reason, a URL, a path).
    public var maxTextBytes = 65_536
    /// Job ids a collector's `hello` or a `committed` may list.
    public var maxListedJobs = 1 << 22
    /// Running counters (articles done, records, bytes): far above any real run, far below overflow.
    public var maxCounter = 1 << 52
    /// Distinct failure stages a message may count.
    public var maxStages = 64
    /// Bytes of a referenced payload (the readers' record cap is far lower).
    public var maxReferencedBytes = 1 << 31

    public init() {}

    /// Frames one message may hold: a header plus one frame per article (job) or per record and
    /// dead-letter line (result).
    public var maxFrames: Int { 2 * maxArticlesPerJob + 1 }

    /// The stage names workers and the coordinator give failures; any other is counted as `other`,
    /// so a peer cannot grow a metric's label set or the status map without bound.
    public static let knownStages: Set<String> = [
        "read", "fetch", "limits", "decode", "parse", "boilerplate", "extract", "enrich", "record", "worker",
    ]

    /// `stage` when it is a known stage name, else `other`.
    public static func stageLabel(_ stage: String) -> String {
        knownStages.contains(stage) ? stage : "other"
    }

    /// True when `text` is 1…`max` bytes of printable ASCII without spaces (ids, kinds, tokens).
    public static func isName(_ text: String, max: Int) -> Bool {
        var count = 0
        for byte in text.utf8 {
            guard byte > 0x20, byte < 0x7F else { return false }
            count += 1
            if count > max { return false }
        }
        return count > 0
    }

    /// True when `text` is at most `max` bytes and holds no control character (free text).
    public static func isText(_ text: String, max: Int) -> Bool {
        text.utf8.count <= max && !text.utf8.contains { $0 < 0x20 || $0 == 0x7F }
    }
}

extension WireLimits {
    func name(_ text: String, _ what: String, max: Int? = nil) throws(WireError) {
        guard Self.isName(text, max: max ?? maxNameBytes) else {
            throw WireError("\(what) is not a short printable name")
        }
    }

    func text(_ text: String?, _ what: String) throws(WireError) {
        guard let text else { return }
        guard Self.isText(text, max: maxTextBytes) else {
            throw WireError("\(what) is too long or holds control characters")
        }
    }

    func count(_ value: Int, _ what: String, in range: ClosedRange<Int>) throws(WireError) {
        guard range.contains(value) else {
            throw WireError("\(what) \(value) is outside \(range.lowerBound)…\(range.upperBound)")
        }
    }

    /// Counts of records that are not articles, by reason (`request`, `http status 404`, …).
    func skipCounts(_ skipped: [String: Int]) throws(WireError) {
        guard skipped.count <= maxStages else { throw WireError("skip counts name too many reasons") }
        for (reason, n) in skipped {
            guard !reason.isEmpty, Self.isText(reason, max: 128) else {
                throw WireError("a skip reason is empty, too long or holds control characters")
            }
            try count(n, "skipped records", in: 0...maxCounter)
        }
    }

    func stages(_ stages: [String: Int], _ what: String, total: Int) throws(WireError) {
        guard stages.count <= maxStages else { throw WireError("\(what) names too many stages") }
        var sum = 0
        for (stage, n) in stages {
            try name(stage, "a stage name", max: 64)
            try count(n, "\(what) count", in: 0...total)
            sum = Saturating.add(sum, n)
        }
        guard sum <= total else { throw WireError("\(what) counts \(sum) failures of \(total)") }
    }
}
