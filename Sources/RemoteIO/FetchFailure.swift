/// Why one HTTP request did not deliver the rest of an object.
public enum FetchFailure: Sendable, Equatable, CustomStringConvertible {
    /// The server answered with this status (and no body was taken).
    case httpStatus(Int)
    /// The connection could not be made, broke, stalled or ended before the announced length.
    case connection(String)
    /// Anything retrying cannot mend: a malformed URL, a server that ignores byte ranges.
    case permanent(String)

    /// 408, 425, 429 and every 5xx are worth another try; other statuses are the answer.
    public var isRetryable: Bool {
        switch self {
        case .httpStatus(let code): return code >= 500 || [408, 425, 429].contains(code)
        case .connection: return true
        case .permanent: return false
        }
    }

    public var description: String {
        switch self {
        case .httpStatus(let code): return "http status \(code)"
        case .connection(let reason), .permanent(let reason): return reason
        }
    }
}
