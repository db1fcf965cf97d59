import CZeroMQ

/// One PUSH→PULL round through libzmq's C API directly (`zmq_send` / `zmq_msg_recv`), the
/// baseline the wrapper is compared with. Errors are fatal: this is a benchmark, not a library.
enum RawRound {
    /// A libzmq context pointer handed to the sender thread; libzmq contexts are thread-safe.
    private struct SharedContext: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    static func run(size: Int, count: Int, transport: BenchTransport, round: Int, touch: Bool) -> RoundResult
    {
        let context = SharedContext(pointer: zmq_ctx_new())
        defer { zmq_ctx_term(context.pointer) }
        let pull = zmq_socket(context.pointer, ZMQ_PULL)
        defer { transport.cleanUp(round: round) }
        defer { zmq_close(pull) }
        var stall = BenchPayload.stallMilliseconds
        check(zmq_setsockopt(pull, ZMQ_RCVTIMEO, &stall, MemoryLayout<Int32>.size), "raw receive timeout")
        check(zmq_bind(pull, transport.bindEndpoint(round: round)), "raw bind")
        var name = [CChar](repeating: 0, count: 1024)
        var nameSize = name.count
        check(zmq_getsockopt(pull, ZMQ_LAST_ENDPOINT, &name, &nameSize), "raw last endpoint")
        let endpoint = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }

        let cpuAtStart = processCPUSeconds()
        let join = startThread {
            let push = zmq_socket(context.pointer, ZMQ_PUSH)
            var stall = BenchPayload.stallMilliseconds
            check(zmq_setsockopt(push, ZMQ_SNDTIMEO, &stall, MemoryLayout<Int32>.size), "raw send timeout")
            check(zmq_connect(push, endpoint), "raw connect")
            let payload = [UInt8](repeating: BenchPayload.byte, count: size)
            payload.withUnsafeBytes { buffer in
                for _ in 0..<count {
                    check(zmq_send(push, buffer.baseAddress, size, 0), "raw send")
                }
            }
            zmq_close(push)
        }

        var message = zmq_msg_t()
        zmq_msg_init(&message)
        var bytes = 0
        var checksum: UInt64 = 0
        var start = ContinuousClock.now
        for index in 0..<count {
            check(zmq_msg_recv(&message, pull, 0), "raw receive")
            if touch {
                checksum &+= sumCacheLines(UnsafeRawBufferPointer(start: zmq_msg_data(&message), count: size))
            }
            if index == 0 {
                start = .now
            } else {
                bytes += zmq_msg_size(&message)
            }
        }
        let elapsed = ContinuousClock.now - start
        zmq_msg_close(&message)
        join()
        if touch { verify(checksum, payloadSize: size, count: count, side: "raw") }
        return RoundResult(
            messages: count - 1, bytes: bytes, seconds: elapsed.seconds,
            cpuSeconds: processCPUSeconds() - cpuAtStart, checksum: checksum)
    }

    private static func check(_ rc: Int32, _ what: String) {
        if rc < 0 { fail(what, String(cString: zmq_strerror(zmq_errno()))) }
    }
}
