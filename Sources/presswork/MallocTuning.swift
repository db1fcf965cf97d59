/// Process-wide allocator settings, applied before anything else runs.
///
/// Article bodies are 10–500 KB. glibc serves blocks above its mmap threshold (128 KB at start) with
/// fresh `mmap`s and returns freed heap tops to the kernel above its trim threshold, so each body
/// used to cost page faults that zero new pages: a profile of the coordinator streaming a plain
/// .warc showed a quarter of its time in the kernel's `clear_page`. Fixed thresholds keep such
/// blocks on the heap, reused from one article to the next; memory stays bounded by the jobs in
/// flight, as before.
enum MallocTuning {
    /// Blocks up to this size come from the heap, not from their own mapping.
    static let mmapThreshold: Int32 = 64 << 20
    /// Free memory at the top of the heap kept for reuse before it is given back.
    static let trimThreshold: Int32 = 256 << 20

    // glibc's <malloc.h> parameter numbers (not exported by the Glibc module).
    private static let trimThresholdParameter: Int32 = -1
    private static let mmapThresholdParameter: Int32 = -3

    static func apply() {
        #if os(Linux)
            _ = glibcMallopt(mmapThresholdParameter, mmapThreshold)
            _ = glibcMallopt(trimThresholdParameter, trimThreshold)
        #endif
    }
}

#if os(Linux)
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
