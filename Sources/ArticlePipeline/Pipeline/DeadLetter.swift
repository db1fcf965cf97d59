/// A failed article as written to the dead-letter shard: `{id, source, stage, reason, attempts}`.
public struct DeadLetter: Sendable, Codable, Equatable {
    public var id: String
    public var source: String
    /// Where it failed: `read`, `limits`, `decode`, `parse`, `extract`, `enrich`, `worker`.
    public var stage: String
    public var reason: String
    public var attempts: Int
    public var url: String?

    public init(id: String, source: String, stage: String, reason: String, attempts: Int, url: String? = nil)
    {
        self.id = id
        self.source = source
        self.stage = stage
        self.reason = reason
        self.attempts = attempts
        self.url = url
    }
}
