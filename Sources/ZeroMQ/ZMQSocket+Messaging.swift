import CZeroMQ

extension ZMQSocket {
    /// Sends all frames as one multipart message (`ZMQ_SNDMORE` on all but the last).
    ///
    /// Frames of `ZeroCopyFrame.threshold` bytes or more are not copied: libzmq reads them from the
    /// array's storage, which stays alive until it is done.
    ///
    /// Blocks until libzmq queues the message, unless `dontWait`. Returns false when the message
    /// could not be queued: `dontWait` and the queue is full or there is no peer, or the send
    /// timeout (`setSendTimeout`) expired. libzmq queues a multipart message atomically once its
    /// first frame is accepted.
    /// - Throws: `ZMQError`, e.g. `EHOSTUNREACH` from a ROUTER with `setRouterMandatory(true)`
    ///   addressing an unknown peer, or `EINVAL` for an empty frame list.
    @discardableResult
    public func send(_ frames: [[UInt8]], dontWait: Bool = false) throws(ZMQError) -> Bool {
        let handle = try openHandle("send")
        guard !frames.isEmpty else { throw ZMQError(errno: EINVAL, operation: "send of no frames") }
        let last = frames.count - 1
        for index in 0...last {
            var flags: Int32 = index < last ? Int32(ZMQ_SNDMORE) : 0
            if dontWait { flags |= Int32(ZMQ_DONTWAIT) }
            while true {
                let frame = frames[index]
                let rc =
                    frame.count >= ZeroCopyFrame.threshold
                    ? ZeroCopyFrame.send(frame, on: handle, flags: flags)
                    : frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if rc >= 0 { break }
                let code = zmq_errno()
                if code == EINTR { continue }
                if code == EAGAIN {
                    if index == 0 { return false }
                    // Later frames of a started message are never refused by the high-water mark;
                    // should one be, finish the message rather than leave it half sent.
                    flags &= ~Int32(ZMQ_DONTWAIT)
                    continue
                }
                throw ZMQError(errno: code, operation: "send frame \(index + 1) of \(frames.count)")
            }
        }
        return true
    }

    /// Receives one whole multipart message, one array per frame.
    ///
    /// Blocks until a message arrives, unless `dontWait`. Returns nil when no message came:
    /// `dontWait` and nothing is ready, or the receive timeout (`setReceiveTimeout`) expired.
    ///
    /// Allocation: the socket keeps the last message it returned (unless it was over
    /// `recycleLimit` bytes in all) and, once the caller no longer holds those arrays, copies the
    /// next message into their storage. A receive loop that handles each message before asking for
    /// the next therefore allocates nothing; a caller that keeps messages gets fresh arrays.
    public func receive(dontWait: Bool = false) throws(ZMQError) -> [[UInt8]]? {
        try receiveMultipart(maxTotalBytes: .max, maxFrames: .max, dontWait: dontWait)?.frames
    }

    /// Receives one whole multipart message if it holds at most `maxFrames` frames and
    /// `maxTotalBytes` bytes in all, as `receive` does; a message over either budget is taken off
    /// the socket and reported as `.oversize`.
    ///
    /// libzmq caps each frame (`setMaxMessageSize`), not their number or sum. Here, frames are
    /// copied only while the message is within budget: from the frame that breaks a budget on,
    /// each is received and released at once, never copied, so a receiver of a peer's message
    /// copies at most `maxTotalBytes` bytes of it and the socket stays in step for the next message.
    /// (libzmq itself holds a whole message, however large, before the first frame can be read.)
    ///
    /// Returns nil when no message came, as `receive` does.
    public func receiveMultipart(
        maxTotalBytes: Int, maxFrames: Int, dontWait: Bool = false
    ) throws(ZMQError) -> BudgetedMessage? {
        let handle = try openHandle("receive")
        guard try receiveFrame(handle, flags: dontWait ? Int32(ZMQ_DONTWAIT) : 0, number: 1) else {
            return nil
        }
        // Work on a local: a class property would pay a runtime exclusivity check per access.
        var frames: [[UInt8]] = []
        swap(&frames, &recycledFrames)
        var count = 0
        var copied = 0
        var copiedBytes = 0
        var totalBytes = 0
        var over = false
        while true {
            let data = receiveBuffer.data
            let (sum, overflow) = totalBytes.addingReportingOverflow(data.count)
            totalBytes = overflow ? .max : sum
            if !over && (count >= maxFrames || totalBytes > maxTotalBytes) { over = true }
            if !over {
                // Copy-on-write keeps reuse safe: arrays the caller still holds are not uniquely
                // referenced, so writing to them makes new ones and leaves the caller's untouched.
                if copied == frames.count {
                    frames.append(receiveBuffer.bytes())
                } else if frames[copied].count == data.count {
                    frames[copied].withUnsafeMutableBytes { $0.copyMemory(from: data) }
                } else {
                    frames[copied].removeAll(keepingCapacity: true)
                    frames[copied].append(contentsOf: data.assumingMemoryBound(to: UInt8.self))
                }
                copied += 1
                copiedBytes += data.count
            }
            count += 1
            let more = receiveBuffer.more
            // A frame past the budget is freed now, not when the next one is received into its place.
            if over { receiveBuffer.release() }
            guard more else { break }
            // The rest of a multipart message is always queued with its first frame: no waiting.
            // Receiving into the buffer releases the frame it held.
            _ = try receiveFrame(handle, flags: 0, number: count + 1)
        }
        if frames.count > copied { frames.removeLast(frames.count - copied) }
        // Nor is a large last frame pinned until the next receive.
        if receiveBuffer.size > Self.recycleLimit { receiveBuffer.release() }
        bytesCopied &+= copiedBytes
        if copiedBytes <= Self.recycleLimit { recycledFrames = frames }
        guard over else { return .frames(frames) }
        return .oversize(
            OversizeMessage(
                frames: count, bytes: totalBytes, firstFrame: frames.first, maxFrames: maxFrames,
                maxTotalBytes: maxTotalBytes))
    }

    /// Messages larger than this (all frames together) are handed over and forgotten rather than
    /// kept for reuse, so a socket never pins more than this much memory between receives.
    public static var recycleLimit: Int { 256 * 1024 }

    /// Receives one frame into `receiveBuffer`; false on `EAGAIN` (nothing ready, or timed out).
    private func receiveFrame(
        _ handle: UnsafeMutableRawPointer, flags: Int32, number: Int
    ) throws(ZMQError) -> Bool {
        while zmq_msg_recv(receiveBuffer.pointer, handle, flags) < 0 {
            let code = zmq_errno()
            if code == EINTR { continue }
            if code == EAGAIN && number == 1 { return false }
            throw ZMQError(errno: code, operation: "receive frame \(number)")
        }
        return true
    }
}
