import Testing

@testable import Cluster

@Suite struct RetryPolicyTests {
    @Test func retriesUntilTheLastAttempt() {
        let policy = RetryPolicy(maxAttempts: 3)
        #expect(policy.afterFailure(ofAttempt: 1) == .retry(attempt: 2))
        #expect(policy.afterFailure(ofAttempt: 2) == .retry(attempt: 3))
        #expect(policy.afterFailure(ofAttempt: 3) == .giveUp(attempts: 3))
    }

    @Test func atLeastOneAttempt() {
        let policy = RetryPolicy(maxAttempts: 0)
        #expect(policy.maxAttempts == 1)
        #expect(policy.afterFailure(ofAttempt: 1) == .giveUp(attempts: 1))
    }
}
