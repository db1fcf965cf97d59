import Foundation
import TestExecutors
import Testing
import ZeroMQ

@Suite(
    "CURVE encryption", .timeLimit(.minutes(1)),
    .enabled(if: ZeroMQLibrary.has("curve"), "libzmq was built without CURVE")
)
struct CurveTests {
    @Test func generatedKeysAreDistinctZ85AndDerivable() throws {
        let first = try CurveKeyPair.generate()
        let second = try CurveKeyPair.generate()
        #expect(first.publicKey.count == 40)
        #expect(first.secretKey.count == 40)
        #expect(first != second)
        #expect(try CurveKeyPair.fromSecretKey(first.secretKey) == first)
        #expect(throws: ZMQError.self) { try CurveKeyPair.fromSecretKey("short") }
    }

    /// A REP CURVE server on loopback and a REQ client using `serverKey` as the server's key.
    private func exchange(
        clientBelievesServerKey serverKey: String? = nil
    ) throws -> (
        reply: [[UInt8]]?, serverSawRequest: Bool
    ) {
        let serverKeys = try CurveKeyPair.generate()
        let clientKeys = try CurveKeyPair.generate()
        let context = try ZMQContext()
        let server = try SocketFixtures.socket(context, .rep, timeoutMilliseconds: 700)
        try server.setCurveServer(secretKey: serverKeys.secretKey)
        let endpoint = try SocketFixtures.bindLoopback(server)
        let client = try SocketFixtures.socket(context, .req, timeoutMilliseconds: 700)
        try client.setCurveClient(
            serverPublicKey: serverKey ?? serverKeys.publicKey,
            publicKey: clientKeys.publicKey, secretKey: clientKeys.secretKey)
        try client.connect(endpoint)

        try client.send([SocketFixtures.bytes("secret question")])
        guard let request = try server.receive() else { return (nil, false) }
        #expect(request == [SocketFixtures.bytes("secret question")])
        try server.send([SocketFixtures.bytes("secret answer")])
        return (try client.receive(), true)
    }

    @Test func clientWithTheServerKeyGetsAReply() async throws {
        try await DedicatedThreads.run {
            let result = try exchange()
            #expect(result.serverSawRequest)
            #expect(result.reply == [SocketFixtures.bytes("secret answer")])
        }
    }

    @Test func clientWithAWrongServerKeyGetsNothing() async throws {
        try await DedicatedThreads.run {
            let impostor = try CurveKeyPair.generate()
            let result = try exchange(clientBelievesServerKey: impostor.publicKey)
            #expect(!result.serverSawRequest)
            #expect(result.reply == nil)
        }
    }

    @Test func keysOfTheWrongLengthAreRejected() throws {
        let socket = try SocketFixtures.socket(ZMQContext(), .rep)
        let error = #expect(throws: ZMQError.self) { try socket.setCurveServer(secretKey: "too short") }
        #expect(error?.errno == EINVAL)
    }
}
