#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The absolute, symlink-free form of a path, for references read by processes started elsewhere.
enum AbsolutePath {
    /// `realpath(3)` of `path`, or `path` itself when that fails (the loader then reports why).
    static func resolve(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
