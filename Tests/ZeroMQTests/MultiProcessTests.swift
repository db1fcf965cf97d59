import Foundation
import TestExecutors
import Testing
import ZeroMQ

/// The built `zmq-bench` executable, searched next to the test bundle and a few folders up.
enum BenchBinary {
    static let path: String? = {
        let starts = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("zmq-bench").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()
}

@Suite(
    "Two processes", .timeLimit(.minutes(1)),
    .enabled(if: BenchBinary.path != nil, "zmq-bench is not built next to the tests; run `swift build` first")
)
struct MultiProcessTests {
    @Test func echoPeerInAnotherProcessSendsEveryMessageBackAndExitsZero() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let dealer = try TestSupport.socket(context, .dealer, timeoutMilliseconds: 5000)
            let endpoint = try TestSupport.bindLoopback(dealer)
            let count = 20

            let peer = Process()
            peer.executableURL = URL(fileURLWithPath: try #require(BenchBinary.path))
            peer.arguments = ["echo", "--connect", endpoint, "--count", "\(count)", "--timeout-ms", "5000"]
            try peer.run()
            defer { if peer.isRunning { peer.terminate() } }

            for number in 0..<count {
                let message = [
                    TestSupport.bytes("message \(number)"), [], TestSupport.randomBytes(number * 100),
                ]
                #expect(try dealer.send(message))
                #expect(try dealer.receive() == message)
            }

            let deadline = ContinuousClock.now + .seconds(10)
            while peer.isRunning && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
            #expect(!peer.isRunning, "echo peer did not exit")
            if !peer.isRunning {
                #expect(peer.terminationReason == .exit)
                #expect(peer.terminationStatus == 0)
            }
        }
    }
}
