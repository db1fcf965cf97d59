import ZeroMQ

/// One PUSH→PULL round through the Swift wrapper: a sender thread, the receiver on this thread.
enum WrapperRound {
    static func run(
        size: Int, count: Int, transport: BenchTransport, round: Int, touch: Bool
    ) throws(ZMQError) -> RoundResult {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        defer { transport.cleanUp(round: round) }
        defer { pull.close() }
        try pull.setReceiveTimeout(milliseconds: BenchPayload.stallMilliseconds)
        try pull.bind(transport.bindEndpoint(round: round))
        let endpoint = try pull.lastEndpoint

        let cpuAtStart = processCPUSeconds()
        let join = startThread {
            do {
                let push = try ZMQSocket(context: context, type: .push)
                defer { push.close() }
                try push.setSendTimeout(milliseconds: BenchPayload.stallMilliseconds)
                try push.connect(endpoint)
                // Built once, like the raw side's buffer: what is timed is the send call itself.
                let frames = [[UInt8](repeating: BenchPayload.byte, count: size)]
                for _ in 0..<count {
                    guard try push.send(frames) else { fail("wrapper sender", "stalled") }
                }
            } catch {
                fail("wrapper sender", error)
            }
        }

        var bytes = 0
        var checksum: UInt64 = 0
        var start = ContinuousClock.now
        for index in 0..<count {
            guard let frames = try pull.receive() else { fail("wrapper receiver", "stalled at \(index)") }
            if touch { checksum &+= frames[0].withUnsafeBytes(sumCacheLines) }
            if index == 0 {
                start = .now
            } else {
                bytes += frames[0].count
            }
        }
        let elapsed = ContinuousClock.now - start
        join()
        if touch { verify(checksum, payloadSize: size, count: count, side: "wrapper") }
        return RoundResult(
            messages: count - 1, bytes: bytes, seconds: elapsed.seconds,
            cpuSeconds: processCPUSeconds() - cpuAtStart, checksum: checksum)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
