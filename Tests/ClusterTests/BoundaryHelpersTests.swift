import Glibc
import Testing

@testable import Cluster

/// Routing ids, log text and warning folding (issue 15, parts 3 and 4).
@Suite struct BoundaryHelpersTests {
    @Test func binaryRoutingIDsKeepTheirBytesAndGetDistinctPrintableNames() {
        let binary = PeerAddress([0x00, 0x6B, 0x8B, 0x45, 0x67])
        #expect(binary.bytes == [0x00, 0x6B, 0x8B, 0x45, 0x67])
        #expect(binary.name == "%00k%8BEg")
        #expect(PeerAddress(Array("w-host-1".utf8)).name == "w-host-1")
        #expect(PeerAddress(Array("%00k%8BEg".utf8)).name != binary.name, "a % is escaped too")
        #expect(PeerAddress(Array("a\nb".utf8)).name == "a%0Ab")
    }

    @Test func logTextIsOneEscapedBoundedLine() {
        #expect(LogText.escaped("w-1\nERROR forged\u{1b}[31m") == #"w-1\nERROR forged\x1b[31m"#)
        #expect(LogText.escaped(String(repeating: "x", count: 500), limit: 10) == "xxxxxxxxxx…")
        #expect(LogText.escaped("é") == #"\u{e9}"#)
    }

    @Test func repeatedWarningsAreFoldedIntoOneLinePerWindow() {
        var clock = ManualClock()
        var warnings = WarningAggregator(window: .seconds(10))
        let first = warnings.record("malformed", detail: "peer 1", now: clock.now)
        #expect(first, "the first is logged")
        var logged = 0
        for n in 2...20_000 where warnings.record("malformed", detail: "peer \(n)", now: clock.now) {
            logged += 1
        }
        #expect(logged == 0, "the rest are counted")
        let otherKind = warnings.record("other kind", detail: "x", now: clock.now)
        #expect(otherKind)
        clock.advance(.seconds(9))
        #expect(warnings.flush(now: clock.now).isEmpty, "the window is not over")
        clock.advance(.seconds(1))
        #expect(
            warnings.flush(now: clock.now) == [
                .init(kind: "malformed", suppressed: 19_999, lastDetail: "peer 20000")
            ])
        let again = warnings.record("malformed", detail: "again", now: clock.now)
        #expect(again, "a new window logs again")
    }
}

/// Server roles take every descriptor the hard limit allows (issue 15: idle connections at a soft
/// limit of 1,024 shut workers out).
@Suite struct OpenFileLimitTests {
    @Test func theSoftLimitIsRaisedToTheHardLimit() {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_max > 1_024 && limit.rlim_max < 1 << 40 {
            limit.rlim_cur = limit.rlim_max - 1  // one below: other tests keep their descriptors
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            #expect(OpenFileLimit.current.soft < OpenFileLimit.current.hard)
        }
        let after = OpenFileLimit.raiseToHardLimit()
        let (soft, hard) = OpenFileLimit.current
        #expect(after == soft)
        #expect(soft == hard)
    }
}
