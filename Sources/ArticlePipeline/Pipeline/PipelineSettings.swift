/// Limits that keep one hostile or broken page from exhausting a worker.
///
/// The defaults suit news pages: real articles stay far below every limit, so a page that hits one
/// is either junk (refused) or pathological markup (parsed partially, with a warning).
public struct PipelineSettings: Sendable, Equatable {
    /// Bodies larger than this are refused at the `limits` stage.
    public var maxBodyBytes: Int = 16 << 20
    /// The parser stops building the tree after this many elements and warns.
    public var maxElements: Int = 500_000
    /// Elements nested deeper than this are flattened into their ancestor at this depth, with a warning.
    public var maxDepth: Int = 1_000

    public init() {}
}
