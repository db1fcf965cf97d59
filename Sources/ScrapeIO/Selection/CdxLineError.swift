/// Why a CDX line could not be read; it becomes a dead-letter row (the index's place, the reason).
public struct CdxLineError: Error, Sendable, Equatable {
    public var reason: String

    init(_ reason: String) {
        self.reason = "bad CDX line: " + reason
    }
}
