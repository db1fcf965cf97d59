/// A multipart message that was over the frame or byte budget of a receive, and was dropped.
public struct OversizeMessage: Sendable, Equatable, CustomStringConvertible {
    /// Frames the message held.
    public let frames: Int
    /// Bytes of all its frames together (saturating at `Int.max`).
    public let bytes: Int
    /// Its first frame, when that frame alone fitted the budgets: on a ROUTER socket, the routing
    /// id of the peer that sent it, so the peer can be told.
    public let firstFrame: [UInt8]?
    /// The frame budget it was received under.
    public let maxFrames: Int
    /// The byte budget it was received under.
    public let maxTotalBytes: Int

    public init(frames: Int, bytes: Int, firstFrame: [UInt8]?, maxFrames: Int, maxTotalBytes: Int) {
        self.frames = frames
        self.bytes = bytes
        self.firstFrame = firstFrame
        self.maxFrames = maxFrames
        self.maxTotalBytes = maxTotalBytes
    }

    /// Which budget it broke, in words, e.g. "message of 3 frames exceeds the 2-frame cap".
    public var description: String {
        frames > maxFrames
            ? "message of \(frames) frames exceeds the \(maxFrames)-frame cap"
            : "message of \(bytes) bytes exceeds the \(maxTotalBytes)-byte cap"
    }
}
