import Foundation
import TestExecutors
import Testing
import ZeroMQ

@Suite("Polling, wake signals and non-blocking calls", .timeLimit(.minutes(1)))
struct PollerTests {
    @Test func pollTimesOutEmptyAfterTheTimeoutAndNotBefore() async throws {
        try await DedicatedThreads.run {
            let pull = try SocketFixtures.socket(ZMQContext(), .pull)
            _ = try SocketFixtures.bindLoopback(pull)
            var poller = ZMQPoller()
            poller.add(pull)
            let clock = ContinuousClock()
            let start = clock.now
            let ready = try poller.poll(timeoutMilliseconds: 200)
            let elapsed = clock.now - start
            #expect(ready.isEmpty)
            #expect(elapsed >= .milliseconds(200), "returned after \(elapsed)")
            #expect(elapsed < .milliseconds(1500), "returned after \(elapsed)")
        }
    }

    @Test func pollReportsOnlyTheReadySocketByIndex() throws {
        let context = try ZMQContext()
        let quiet = try SocketFixtures.socket(context, .pull)
        _ = try SocketFixtures.bindLoopback(quiet)
        let busy = try SocketFixtures.socket(context, .pull)
        let endpoint = try SocketFixtures.bindLoopback(busy)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)

        var poller = ZMQPoller()
        #expect(poller.add(quiet) == 0)
        #expect(poller.add(busy) == 1)
        #expect(try busy.events.readable == false)
        try push.send([[42]])
        #expect(try poller.poll(timeoutMilliseconds: 3000) == [1])
        #expect(try busy.events.readable)
        #expect(try busy.receive() == [[42]])
        #expect(try poller.poll(timeoutMilliseconds: 0).isEmpty)
    }

    @Test func pollReportsWritableWhenAsked() throws {
        let context = try ZMQContext()
        let endpoint = "inproc://writable-\(UUID().uuidString)"
        let pull = try SocketFixtures.socket(context, .pull)
        try pull.bind(endpoint)
        let push = try SocketFixtures.socket(context, .push)
        try push.connect(endpoint)
        var poller = ZMQPoller()
        let index = poller.add(push, readable: false, writable: true)
        #expect(try poller.poll(timeoutMilliseconds: 1000) == [index])
        #expect(try push.events.writable)
    }

    @Test func wakeSignalFromAnotherThreadEndsTheWait() async throws {
        try await DedicatedThreads.run {
            let signal = try WakeSignal()
            let pull = try SocketFixtures.socket(ZMQContext(), .pull)
            _ = try SocketFixtures.bindLoopback(pull)
            var poller = ZMQPoller()
            poller.add(pull)
            let wakeIndex = poller.add(fileDescriptor: signal.fileDescriptor)

            // The waker wakes the poll once this thread is about to block in it (a wake that comes
            // first must end the poll as well: the signal stays raised until drained).
            let polling = DispatchSemaphore(value: 0)
            let waker = Thread {
                polling.wait()
                signal.wake()
            }
            waker.start()
            let clock = ContinuousClock()
            let start = clock.now
            polling.signal()
            let ready = try poller.poll(timeoutMilliseconds: 5000)
            #expect(ready == [wakeIndex])
            #expect(clock.now - start < .seconds(4))

            signal.drain()
            #expect(try poller.poll(timeoutMilliseconds: 0).isEmpty)
        }
    }

    @Test func manyWakesCollapseIntoOneDrain() throws {
        let signal = try WakeSignal()
        var poller = ZMQPoller()
        poller.add(fileDescriptor: signal.fileDescriptor)
        #expect(try poller.poll(timeoutMilliseconds: 0).isEmpty)
        for _ in 0..<5 { signal.wake() }
        #expect(try poller.poll(timeoutMilliseconds: 0) == [0])
        signal.drain()
        #expect(try poller.poll(timeoutMilliseconds: 0).isEmpty)
    }

    @Test func pollingAClosedSocketThrows() throws {
        let pull = try SocketFixtures.socket(ZMQContext(), .pull)
        var poller = ZMQPoller()
        poller.add(pull)
        pull.close()
        let error = #expect(throws: ZMQError.self) { try poller.poll(timeoutMilliseconds: 0) }
        #expect(error?.errno == ENOTSOCK)
    }

    @Test func dontWaitReceiveReturnsNilAndSendReturnsFalse() throws {
        let context = try ZMQContext()
        let pull = try SocketFixtures.socket(context, .pull)
        _ = try SocketFixtures.bindLoopback(pull)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try pull.receive(dontWait: true) == nil)
        // A PUSH without any peer has nowhere to queue.
        let push = try SocketFixtures.socket(context, .push)
        #expect(try push.send([[1]], dontWait: true) == false)
        #expect(clock.now - start < .milliseconds(500), "dontWait calls must not wait for the timeouts")
    }

    @Test func blockingCallsGiveUpAfterTheirTimeouts() async throws {
        try await DedicatedThreads.run {
            let context = try ZMQContext()
            let pull = try SocketFixtures.socket(context, .pull, timeoutMilliseconds: 100)
            _ = try SocketFixtures.bindLoopback(pull)
            let push = try SocketFixtures.socket(context, .push, timeoutMilliseconds: 100)
            let clock = ContinuousClock()
            let start = clock.now
            #expect(try pull.receive() == nil)
            #expect(try push.send([[1]]) == false)
            #expect(clock.now - start >= .milliseconds(190))
        }
    }
}
