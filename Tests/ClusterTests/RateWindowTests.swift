import Testing

@testable import Cluster

@Suite struct RateWindowTests {
    @Test func rateOverTheLastWindowOnly() {
        var clock = ManualClock()
        var window = RateWindow(window: .seconds(10))
        #expect(window.perSecond == 0)
        var value = 0.0
        for _ in 0..<20 {  // 100/s for 20 s …
            window.record(value, at: clock.now)
            clock.advance(.seconds(1))
            value += 100
        }
        for _ in 0..<12 {  // … then 10/s for 12 s: the window forgets the fast part
            window.record(value, at: clock.now)
            clock.advance(.seconds(1))
            value += 10
        }
        #expect(abs(window.perSecond - 10) < 0.001)
    }
}
