/// Why an article could not become a record; it goes to the dead-letter shard with these words.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stage that gave up: `limits`, `decode`, `parse`, `extract` or `enrich`.
    public var stage: String
    /// A short human reason, e.g. `empty body`.
    public var reason: String

    public init(stage: String, reason: String) {
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(stage): \(reason)" }
}
