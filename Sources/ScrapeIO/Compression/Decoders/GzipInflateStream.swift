import CZlib

/// A zlib inflate stream set up for gzip members (not zlib or raw deflate), with the largest
/// window; ended when released. `pointer` stays at one address, as zlib requires.
final class GzipInflateStream {
    let pointer: UnsafeMutablePointer<z_stream>
    /// False when zlib could not set the stream up (out of memory); then it must not be used.
    let initialised: Bool

    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: z_stream())
        // 16 + 15: a gzip wrapper with the largest window.
        initialised =
            inflateInit2_(pointer, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if initialised { inflateEnd(pointer) }
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
