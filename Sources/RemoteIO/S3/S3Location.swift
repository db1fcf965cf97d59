#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `s3://bucket/key` input: one object, or a listing — a prefix ending in `/` (every object
/// under it) or a key holding a glob (`*`, `?`, `[…]`: the objects whose keys match it, with `*`
/// not crossing a `/`).
public struct S3Location: Sendable, Equatable {
    public var bucket: String
    public var key: String

    /// The bucket and key of `url`, or nil when it is not `s3://bucket…`.
    public init?(_ url: String) {
        guard RemoteLocation.scheme(of: url) == "s3", let separator = url.range(of: "://") else { return nil }
        let rest = url[separator.upperBound...]
        let bucket = rest.prefix { $0 != "/" }
        guard !bucket.isEmpty else { return nil }
        self.bucket = String(bucket)
        let afterBucket = rest.dropFirst(bucket.count)
        key = afterBucket.hasPrefix("/") ? String(afterBucket.dropFirst()) : ""
    }

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// `s3://bucket/key`.
    public var url: String { "s3://\(bucket)/\(key)" }

    /// True when the location names objects to list rather than one object.
    public var isListing: Bool { key.isEmpty || key.hasSuffix("/") || hasGlob }

    private var hasGlob: Bool { key.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// The prefix a listing asks S3 for: the key up to its first glob character.
    public var listPrefix: String {
        String(key.prefix { $0 != "*" && $0 != "?" && $0 != "[" })
    }

    /// True when the listed `key` belongs to this location: under the prefix, and matching the glob
    /// when there is one. Keys ending in `/` (folder markers) never do.
    public func admits(_ listed: String) -> Bool {
        guard !listed.hasSuffix("/"), listed.hasPrefix(listPrefix) else { return false }
        guard hasGlob else { return true }
        return fnmatch(key, listed, FNM_PATHNAME) == 0
    }
}
