/// How remote (HTTP/HTTPS, S3) inputs are fetched; the defaults suit a public crawl on a CDN.
public struct RemoteSettings: Sendable, Equatable {
    public var retry = FetchRetryPolicy()
    /// Connections kept open to one `scheme://host:port` at most; a reader wanting another waits.
    public var maxConnectionsPerHost = 4
    public var connectTimeout: Duration = .seconds(10)
    /// A connection that delivers no byte for this long is broken (and the request retried).
    public var stallTimeout: Duration = .seconds(30)
    /// Bytes received but not yet read that one stream holds at most: the transfer pauses beyond.
    public var bufferBytes = 1 << 20
    public var userAgent = "presswork"
    /// Where `s3://` inputs are read and with which credentials.
    public var s3 = S3Settings()

    public init() {}
}
