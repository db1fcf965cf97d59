/// How `s3://bucket/key` inputs are reached: the endpoint, the region, the credentials (none:
/// anonymous, unsigned requests, as public buckets allow) and the page size of listings.
public struct S3Settings: Sendable, Equatable {
    /// An S3-compatible store's base URL (`http://127.0.0.1:9000`), addressed path-style
    /// (`endpoint/bucket/key`); nil: AWS itself, virtual-hosted (`https://bucket.s3.region.amazonaws.com/key`).
    public var endpoint: String?
    public var region = "us-east-1"
    public var credentials: S3Credentials?
    /// Keys asked for per ListObjectsV2 request (S3 answers at most 1,000).
    public var listPageSize = 1_000

    public init() {}
}
