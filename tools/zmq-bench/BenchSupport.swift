import Foundation

/// What one round measured: wall time on the receiving side from the first message to the last,
/// and the CPU time of the whole process (all threads, libzmq's I/O thread included) for the round.
struct RoundResult {
    let messages: Int
    let bytes: Int
    let seconds: Double
    let cpuSeconds: Double
    /// Wrapping sum of `sumCacheLines` over every received payload, when the round read them.
    let checksum: UInt64

    var messagesPerSecond: Double { Double(messages) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / seconds / 1_000_000 }
    /// CPU cost per message in microseconds; steadier than throughput on a shared, busy machine.
    var cpuMicrosecondsPerMessage: Double { cpuSeconds / Double(messages) * 1_000_000 }
}

/// User plus system CPU time this process has used so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

/// Runs `body` on a new thread and returns a function that waits for it to finish.
func startThread(_ body: @escaping @Sendable () -> Void) -> () -> Void {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    return { done.wait() }
}

/// Prints an error from a benchmark thread and stops the process: a half-run round means nothing.
func fail(_ what: String, _ error: Any) -> Never {
    FileHandle.standardError.write(Data("zmq-bench: \(what): \(error)\n".utf8))
    exit(1)
}

/// Reads one 8-byte word in every 64-byte cache line, as a consumer that looks at the payload pulls
/// it into its cache, and returns their wrapping sum (checked by the caller, so never optimised away).
func sumCacheLines(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
    var sum: UInt64 = 0
    var offset = 0
    while offset + 8 <= buffer.count {
        sum &+= buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 64
    }
    return sum
}

/// Stops the run unless the receiver saw exactly the bytes the sender sent.
func verify(_ checksum: UInt64, payloadSize: Int, count: Int, side: String) {
    let payload = [UInt8](repeating: BenchPayload.byte, count: payloadSize)
    let expected = payload.withUnsafeBytes(sumCacheLines) &* UInt64(count)
    if checksum != expected { fail("\(side) receiver", "payload checksum \(checksum) != \(expected)") }
}

/// What every benchmark message is filled with, and how long a side may wait before the round is
/// declared stalled (a failure with a message, never a silent hang).
enum BenchPayload {
    static let byte: UInt8 = 0x2A
    static let stallMilliseconds: Int32 = 10_000
}
