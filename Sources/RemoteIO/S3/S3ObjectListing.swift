import Logging

/// The objects an `s3://bucket/prefix/` or `s3://bucket/glob` location names, listed with
/// ListObjectsV2 page by page (`settings.s3.listPageSize` keys a request, following the
/// continuation tokens), in S3's order (keys by their UTF-8 bytes). Each page is one request read
/// like any object (`RemoteObjectStream`: signed, retried with backoff, throttling counted).
public enum S3ObjectListing {
    /// The largest listing page read (S3's pages of 1,000 keys are about 300 KB).
    static let maxPageBytes = 16 << 20

    /// `s3://bucket/key` of every object `location` admits (`S3Location.admits`).
    public static func urls(
        of location: S3Location, settings: RemoteSettings = .init(), logger: Logger
    ) throws(RemoteFetchError) -> [String] {
        let bucket = S3Location(bucket: location.bucket, key: "")
        var urls: [String] = []
        var token: String?
        var pages = 0
        repeat {
            var query: [(name: String, value: String)] = [
                ("list-type", "2"), ("max-keys", "\(max(1, settings.s3.listPageSize))"),
            ]
            if !location.listPrefix.isEmpty { query.append(("prefix", location.listPrefix)) }
            if let token { query.append(("continuation-token", token)) }
            let body = try read(bucket.url, query: query, settings: settings, logger: logger)
            let page: ListObjectsV2Page
            do {
                page = try ListObjectsV2Page.parse(body)
            } catch {
                throw RemoteFetchError(
                    url: location.url, failure: .permanent("the listing is unreadable: \(error)"), attempts: 1
                )
            }
            pages += 1
            urls += page.keys.filter(location.admits).map { S3Location(bucket: location.bucket, key: $0).url }
            guard page.isTruncated else { break }
            guard let next = page.nextContinuationToken, next != token else {
                throw RemoteFetchError(
                    url: location.url,
                    failure: .permanent("the listing says it goes on but gives no new continuation token"),
                    attempts: 1)
            }
            token = next
        } while true
        logger.info(
            "listed s3 objects",
            metadata: ["location": "\(location.url)", "objects": "\(urls.count)", "pages": "\(pages)"])
        return urls
    }

    private static func read(
        _ url: String, query: [(name: String, value: String)], settings: RemoteSettings, logger: Logger
    ) throws(RemoteFetchError) -> [UInt8] {
        let stream = RemoteObjectStream(
            url: url, settings: settings, logger: logger, pool: .shared, query: query)
        defer { stream.close() }
        var body: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let outcome = chunk.withUnsafeMutableBytes { buffer -> Result<Int, RemoteFetchError> in
                do throws(RemoteFetchError) {
                    return .success(try stream.read(into: buffer))
                } catch {
                    return .failure(error)
                }
            }
            let count = try outcome.get()
            guard count > 0 else { return body }
            body += chunk[..<count]
            guard body.count <= maxPageBytes else {
                throw RemoteFetchError(
                    url: url, failure: .permanent("a listing page is larger than \(maxPageBytes) bytes"),
                    attempts: stream.requests)
            }
        }
    }
}
