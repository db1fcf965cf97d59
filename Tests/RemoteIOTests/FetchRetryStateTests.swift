import Testing

@testable import RemoteIO

/// The retry state machine driven by hand: instants are made from one start instant, draws are
/// given, so every decision is exact.
struct FetchRetryStateTests {
    private let url = "http://example.test/a.warc.gz"
    private let start = ContinuousClock.now
    private var policy: FetchRetryPolicy {
        FetchRetryPolicy(
            maxAttempts: 4, baseDelay: .milliseconds(100), maxDelay: .milliseconds(350), jitter: 0.5)
    }

    @Test func backsOffExponentiallyUpToTheCapThenGivesUpWithTheLastReason() {
        var state = FetchRetryState(policy: policy)
        var now = start
        var waits: [Duration] = []
        for _ in 0..<3 {
            guard
                case .retry(let when) = state.failed(
                    .httpStatus(503), url: url, delivered: 0, at: now, unit: 0)
            else {
                Issue.record("expected a retry")
                return
            }
            waits.append(when - now)
            now = when
        }
        #expect(waits == [.milliseconds(100), .milliseconds(200), .milliseconds(350)])
        let last = state.failed(
            .connection("connection: recv failure"), url: url, delivered: 0, at: now, unit: 0)
        #expect(
            last
                == .giveUp(
                    RemoteFetchError(url: url, failure: .connection("connection: recv failure"), attempts: 4))
        )
        #expect(state.retries == 3)
        #expect(state.throttled == 3)
        if case .giveUp(let error) = last {
            #expect(error.description == "fetch failed after 4 attempts: connection: recv failure")
        }
    }

    @Test func jitterTakesOffAtMostItsShare() {
        for unit in [0, 0.25, 0.999_999] {
            var state = FetchRetryState(policy: policy)
            guard
                case .retry(let when) = state.failed(
                    .httpStatus(500), url: url, delivered: 0, at: start, unit: unit)
            else {
                Issue.record("expected a retry")
                return
            }
            let wait = when - start
            #expect(wait <= .milliseconds(100) && wait >= .milliseconds(50), "\(wait) with draw \(unit)")
            let expected = Duration.milliseconds(100) * (1 - 0.5 * unit)
            #expect(abs(Double((wait - expected).components.attoseconds)) < 1e12, "within a microsecond")
        }
    }

    @Test func answersThatRetryingCannotMendGiveUpAtOnce() {
        for failure in [
            FetchFailure.httpStatus(404), .httpStatus(403),
            .permanent("the server does not answer byte ranges"),
        ] {
            var state = FetchRetryState(policy: policy)
            #expect(
                state.failed(failure, url: url, delivered: 0, at: start, unit: 0)
                    == .giveUp(RemoteFetchError(url: url, failure: failure, attempts: 1)))
            #expect(state.retries == 0)
        }
        #expect(FetchFailure.httpStatus(429).isRetryable)
        #expect(FetchFailure.httpStatus(408).isRetryable)
        #expect(!FetchFailure.httpStatus(416).isRetryable)
    }

    @Test func anAttemptThatMadeProgressStartsTheCountAgain() {
        var state = FetchRetryState(policy: policy)
        var now = start
        for _ in 0..<10 {
            guard
                case .retry(let when) = state.failed(
                    .connection("connection: reset"), url: url, delivered: policy.progressBytes, at: now,
                    unit: 0)
            else {
                Issue.record("a download that keeps making progress must not give up")
                return
            }
            #expect(when - now == .milliseconds(100), "the first retry in a row waits the base delay")
            now = when
        }
        #expect(state.failuresInRow == 1)
        _ = state.failed(.connection("connection: reset"), url: url, delivered: 10, at: now, unit: 0)
        #expect(state.failuresInRow == 2, "a few bytes are no progress")
    }

    @Test func retryAfterIsHonouredUpToItsCap() {
        var state = FetchRetryState(policy: policy)
        #expect(
            state.failed(
                .httpStatus(429), url: url, delivered: 0, retryAfter: .seconds(2), at: start, unit: 0)
                == .retry(at: start + .seconds(2)))
        var capped = FetchRetryPolicy()
        capped.maxRetryAfter = .seconds(5)
        var throttled = FetchRetryState(policy: capped)
        #expect(
            throttled.failed(
                .httpStatus(503), url: url, delivered: 0, retryAfter: .seconds(3_600), at: start, unit: 0)
                == .retry(at: start + .seconds(5)))
        #expect(throttled.throttled == 1)
    }
}
