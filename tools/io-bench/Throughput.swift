/// Bytes moved by one round of a measurement: as stored (compressed) and plain (decompressed JSON
/// or WARC).
struct ByteCounts {
    var stored = 0
    var plain = 0

    static func + (left: ByteCounts, right: ByteCounts) -> ByteCounts {
        ByteCounts(stored: left.stored + right.stored, plain: left.plain + right.plain)
    }
}

/// Throughput of one measured side, in MB/s (10^6 bytes) of thread CPU time.
struct Throughput {
    var counts = ByteCounts()
    var cpuSeconds = 0.0
    var rounds = 0

    var storedRate: Double { Double(counts.stored) / cpuSeconds / 1e6 }
    var plainRate: Double { Double(counts.plain) / cpuSeconds / 1e6 }

    mutating func add(_ round: () -> ByteCounts) {
        let start = ThreadClock.seconds()
        let moved = round()
        cpuSeconds += ThreadClock.seconds() - start
        counts = counts + moved
        rounds += 1
    }
}

/// Runs `subject` and `baseline` in alternate rounds (after one warm-up round each) until both
/// have used `seconds` of CPU, so load changes on a shared machine hit both sides alike.
/// `between` runs untimed after every subject round (to delete what it wrote).
func alternate(
    seconds: Double, subject: () -> ByteCounts, baseline: () -> ByteCounts, between: () -> Void = {}
) -> (subject: Throughput, baseline: Throughput) {
    _ = subject()
    between()
    _ = baseline()
    var measured = Throughput()
    var reference = Throughput()
    repeat {
        measured.add(subject)
        between()
        reference.add(baseline)
    } while measured.cpuSeconds < seconds || reference.cpuSeconds < seconds
    return (measured, reference)
}
