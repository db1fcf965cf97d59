import Foundation
import TestExecutors
import TestSupport
import Testing
import ZeroMQ

/// The built `zmq-bench` executable, when it is built.
enum BenchBinary {
    static let path: String? = BuiltProducts.url(of: "zmq-bench")?.path
}

@Suite(
    "Two processes", .timeLimit(.minutes(1)),
    .enabled(if: BenchBinary.path != nil, "zmq-bench is not built next to the tests; run `swift build` first")
)
struct MultiProcessTests {
    @Test func echoPeerInAnotherProcessSendsEveryMessageBackAndExitsZero() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let dealer = try SocketFixtures.socket(context, .dealer, timeoutMilliseconds: 5000)
            let endpoint = try SocketFixtures.bindLoopback(dealer)
            let count = 20

            let peer = Process()
            peer.executableURL = URL(fileURLWithPath: try #require(BenchBinary.path))
            peer.arguments = ["echo", "--connect", endpoint, "--count", "\(count)", "--timeout-ms", "5000"]
            try peer.run()
            defer { if peer.isRunning { peer.terminate() } }

            for number in 0..<count {
                let message = [
                    SocketFixtures.bytes("message \(number)"), [], SocketFixtures.randomBytes(number * 100),
                ]
                #expect(try dealer.send(message))
                #expect(try dealer.receive() == message)
            }

            let status = Waiting.forExit(of: peer, timeout: 10)
            #expect(status != nil, "echo peer did not exit")
            if status != nil {
                #expect(peer.terminationReason == .exit)
                #expect(status == 0)
            }
        }
    }
}
