import Foundation

/// `zmq-bench throughput`: PUSH→PULL messages/s and MB/s through the wrapper and through raw libzmq,
/// alternating rounds in one run so both see the same machine load, and their ratio.
struct ThroughputCommand {
    let sizes: [Int]
    let count: Int
    let transport: BenchTransport
    let rounds: Int

    init(options: BenchOptions) throws(BenchOptions.UsageError) {
        sizes = try options.integers("size", default: [100])
        count = max(2, try options.integer("count", default: 1_000_000))
        rounds = try options.integer("rounds", default: 3)
        let name = try options.string("transport", default: "tcp")
        guard let transport = BenchTransport(rawValue: name) else {
            throw BenchOptions.UsageError(message: "--transport must be tcp, ipc or inproc, got '\(name)'")
        }
        self.transport = transport
    }

    func run() throws {
        print("PUSH→PULL over \(transport), \(count) messages a round, \(rounds) rounds each, median shown")
        let header = ["size B", "wrapper msg/s", "raw msg/s", "wrapper MB/s", "raw MB/s", "wrapper/raw"]
        print(header.map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
        var roundNumber = 0
        for size in sizes {
            var wrapper: [RoundResult] = []
            var raw: [RoundResult] = []
            for _ in 0..<rounds {
                roundNumber += 1
                wrapper.append(
                    try WrapperRound.run(size: size, count: count, transport: transport, round: roundNumber))
                roundNumber += 1
                raw.append(RawRound.run(size: size, count: count, transport: transport, round: roundNumber))
            }
            let wrapperMedian = median(wrapper)
            let rawMedian = median(raw)
            let row = [
                "\(size)",
                format(wrapperMedian.messagesPerSecond, digits: 0),
                format(rawMedian.messagesPerSecond, digits: 0),
                format(wrapperMedian.megabytesPerSecond, digits: 1),
                format(rawMedian.megabytesPerSecond, digits: 1),
                format(wrapperMedian.messagesPerSecond / rawMedian.messagesPerSecond, digits: 3),
            ]
            print(row.map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined())
            let perRound = zip(wrapper, raw).map {
                "\(format($0.messagesPerSecond, digits: 0))/\(format($1.messagesPerSecond, digits: 0))"
            }
            print("  rounds (wrapper/raw msg/s): " + perRound.joined(separator: "  "))
        }
    }

    private func median(_ results: [RoundResult]) -> RoundResult {
        results.sorted { $0.messagesPerSecond < $1.messagesPerSecond }[results.count / 2]
    }

    private func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
