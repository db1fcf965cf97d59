import Foundation

/// `zmq-bench throughput`: PUSH→PULL messages/s and MB/s through the wrapper and through raw libzmq,
/// alternating rounds in one run so both see the same machine load, and their ratio.
///
/// Besides wall-clock throughput it reports the process's CPU time per message: on a shared machine
/// throughput swings with other load, while CPU per message stays put.
struct ThroughputCommand {
    enum Side: String {
        case wrapper, raw
    }

    let sizes: [Int]
    let count: Int
    let transport: BenchTransport
    let rounds: Int
    /// Runs just one side, e.g. under a profiler.
    let only: Side?
    /// Whether receivers read their payloads (one word per cache line), as any real consumer does.
    let touch: Bool

    init(options: BenchOptions) throws(BenchOptions.UsageError) {
        sizes = try options.integers("size", default: [100])
        count = max(2, try options.integer("count", default: 1_000_000))
        rounds = try options.integer("rounds", default: 3)
        let name = try options.string("transport", default: "tcp")
        guard let transport = BenchTransport(rawValue: name) else {
            throw BenchOptions.UsageError(message: "--transport must be tcp, ipc or inproc, got '\(name)'")
        }
        self.transport = transport
        switch try options.string("touch", default: "yes") {
        case "yes": touch = true
        case "no": touch = false
        case let other: throw BenchOptions.UsageError(message: "--touch must be yes or no, got '\(other)'")
        }
        let side = try options.string("only", default: "both")
        only = Side(rawValue: side)
        guard only != nil || side == "both" else {
            throw BenchOptions.UsageError(message: "--only must be wrapper, raw or both, got '\(side)'")
        }
    }

    func run() throws {
        print(
            "PUSH→PULL over \(transport), \(count) messages a round, \(rounds) rounds each side, medians,"
                + (touch ? " receivers read every cache line" : " receivers ignore the payload"))
        printRow([
            "size B", "wrapper msg/s", "raw msg/s", "wrapper MB/s", "raw MB/s", "msg/s ratio",
            "wrap CPU µs", "raw CPU µs", "CPU ratio",
        ])
        var roundNumber = 0
        for size in sizes {
            var wrapper: [RoundResult] = []
            var raw: [RoundResult] = []
            for _ in 0..<rounds {
                roundNumber += 1
                if only != .raw {
                    wrapper.append(
                        try WrapperRound.run(
                            size: size, count: count, transport: transport, round: roundNumber, touch: touch))
                }
                roundNumber += 1
                if only != .wrapper {
                    raw.append(
                        RawRound.run(
                            size: size, count: count, transport: transport, round: roundNumber, touch: touch))
                }
            }
            if let only {
                for result in wrapper + raw {
                    print("\(only) \(size) B: \(format(result.messagesPerSecond, 0)) msg/s")
                }
                continue
            }
            report(size: size, wrapper: wrapper, raw: raw)
        }
        print(
            "msg/s ratio = wrapper/raw throughput; CPU ratio = raw/wrapper CPU per message (1 = no overhead)")
    }

    private func report(size: Int, wrapper: [RoundResult], raw: [RoundResult]) {
        let wrapperRate = median(wrapper.map(\.messagesPerSecond))
        let rawRate = median(raw.map(\.messagesPerSecond))
        let wrapperCPU = median(wrapper.map(\.cpuMicrosecondsPerMessage))
        let rawCPU = median(raw.map(\.cpuMicrosecondsPerMessage))
        printRow([
            "\(size)", format(wrapperRate, 0), format(rawRate, 0),
            format(median(wrapper.map(\.megabytesPerSecond)), 1),
            format(median(raw.map(\.megabytesPerSecond)), 1),
            format(wrapperRate / rawRate, 3), format(wrapperCPU, 3), format(rawCPU, 3),
            format(rawCPU / wrapperCPU, 3),
        ])
        let pairRatio = median(zip(wrapper, raw).map { $0.messagesPerSecond / $1.messagesPerSecond })
        print(
            "  median of per-round wrapper/raw ratios (neighbouring rounds share the load): \(format(pairRatio, 3))"
        )
        let perRound = zip(wrapper, raw).map {
            "\(format($0.messagesPerSecond, 0))/\(format($1.messagesPerSecond, 0))"
        }
        print("  rounds, wrapper/raw msg/s: " + perRound.joined(separator: "  "))
    }

    private func printRow(_ cells: [String]) {
        print(cells.map { $0.padding(toLength: 14, withPad: " ", startingAt: 0) }.joined())
    }

    private func median(_ values: [Double]) -> Double {
        values.sorted()[values.count / 2]
    }

    private func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
