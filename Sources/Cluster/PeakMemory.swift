#if canImport(Glibc)
    import Glibc
#endif

/// The process's peak resident set size so far (getrusage's ru_maxrss), logged by every role when
/// it ends so that benchmarks can read each process's memory high-water mark.
public enum PeakMemory {
    public static var megabytes: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1_024
    }
}
