import Foundation
import Testing
import ZeroMQ

@Suite("Errors, library facts and keys", .timeLimit(.minutes(1)))
struct ErrorTests {
    @Test func unknownTransportReportsErrnoMessageAndOperation() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .rep)
        let error = try #require(#expect(throws: ZMQError.self) { try socket.bind("nonsense://x") })
        #expect(error.errno == EPROTONOSUPPORT)
        #expect(error.message == String(cString: strerror(EPROTONOSUPPORT)))
        #expect(error.operation == "bind nonsense://x")
        #expect(error.description.contains("nonsense://x"))
        #expect(error.description.contains(error.message))
    }

    @Test func malformedTcpAddressIsInvalid() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .req)
        let noPort = try #require(#expect(throws: ZMQError.self) { try socket.connect("tcp://127.0.0.1") })
        #expect(noPort.errno == EINVAL)
        #expect(noPort.operation == "connect tcp://127.0.0.1")
        let badPort = try #require(
            #expect(throws: ZMQError.self) { try socket.connect("tcp://127.0.0.1:port") })
        #expect(badPort.errno == EINVAL)
    }

    @Test func bindingAPortTwiceIsAddressInUse() throws {
        let context = try ZMQContext()
        let first = try SocketFixtures.socket(context, .pull)
        let endpoint = try SocketFixtures.bindLoopback(first)
        let second = try SocketFixtures.socket(context, .pull)
        let error = #expect(throws: ZMQError.self) { try second.bind(endpoint) }
        #expect(error?.errno == EADDRINUSE)
    }

    @Test func libraryVersionIsFourPointSomething() {
        let version = ZeroMQLibrary.version
        #expect(version.major == 4)
        #expect(version.minor >= 1)
    }

    @Test func contextTakesIoThreadCount() throws {
        let context = try ZMQContext(ioThreads: 2, blocky: false)
        let socket = try ZMQSocket(context: context, type: .pair)
        socket.close()
        #expect(throws: ZMQError.self) { try ZMQContext(ioThreads: -1) }
    }
}
