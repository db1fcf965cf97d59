import Logging

#if canImport(Glibc)
    import Glibc
#endif

/// This process's resource use so far (getrusage), logged by every role when it ends so that
/// benchmarks can read each process's memory high-water mark and CPU time.
public enum ResourceUsage {
    /// Peak resident set size (ru_maxrss) in MB.
    public static var peakMegabytes: Double {
        current.ru_maxrss.double / 1_024
    }

    /// User plus system CPU time in seconds, over all threads.
    public static var cpuSeconds: Double {
        let usage = current
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The figures every role adds to its closing log line.
    public static var logFields: Logger.Metadata {
        ["peak_rss_mb": "\(Int(peakMegabytes))", "cpu_s": "\(String(format2: cpuSeconds))"]
    }

    private static var current: rusage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage
    }

    private static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000
    }
}

extension Int {
    fileprivate var double: Double { Double(self) }
}

extension String {
    /// A number with two decimals, without Foundation.
    fileprivate init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
