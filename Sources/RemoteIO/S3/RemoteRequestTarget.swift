#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the requests for one input go and the headers they carry: an http(s) URL as it is given;
/// for `s3://bucket/key`, the object's URL on the endpoint (path-style on an S3-compatible store,
/// virtual-hosted on AWS) and, with credentials, SigV4 headers signed anew for every request (a
/// signature is valid for 15 minutes, a retried read may outlive it).
struct RemoteRequestTarget {
    /// The http(s) URL requested.
    let url: String
    /// `scheme://host:port` of `url`: the unit connections are kept per.
    let origin: String
    private let signing: Signing?

    private struct Signing {
        var host: String
        var path: String
        var query: [(name: String, value: String)]
        var region: String
        var credentials: S3Credentials
    }

    /// The target of `location` (an http(s) URL or an `s3://` location, with `query` parameters
    /// for S3 requests such as a listing), or why it has none.
    static func make(
        _ location: String, query: [(name: String, value: String)] = [], settings: RemoteSettings
    ) -> Result<RemoteRequestTarget, RemoteFetchError> {
        func refused(_ reason: String) -> Result<RemoteRequestTarget, RemoteFetchError> {
            .failure(RemoteFetchError(url: location, failure: .permanent(reason), attempts: 0))
        }
        guard RemoteLocation.scheme(of: location) == "s3" else {
            return .success(RemoteRequestTarget(url: location, origin: RemoteLocation.origin(of: location)))
        }
        guard let object = S3Location(location) else {
            return refused("\(location) is not s3://bucket/key")
        }
        let s3 = settings.s3
        let key = SigV4Signer.uriEncode(object.key, keepingSlashes: true)
        let base: String
        let host: String
        let path: String
        if let endpoint = s3.endpoint {
            let trimmed = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
            guard let scheme = RemoteLocation.scheme(of: trimmed), ["http", "https"].contains(scheme) else {
                return refused("the S3 endpoint \(endpoint) is not an http(s) URL")
            }
            let authority = trimmed.dropFirst(scheme.count + 3)
            let hostEnd = authority.firstIndex(of: "/") ?? authority.endIndex
            host = String(authority[..<hostEnd])
            base = String(trimmed.prefix(scheme.count + 3)) + host
            let endpointPath = String(authority[hostEnd...])
            path =
                endpointPath + "/" + SigV4Signer.uriEncode(object.bucket, keepingSlashes: false)
                + (object.key.isEmpty ? "" : "/" + key)
        } else if object.bucket.contains(".") {
            // A dotted bucket name does not match the wildcard certificate of virtual-hosted names.
            host = "s3.\(s3.region).amazonaws.com"
            base = "https://" + host
            path = "/" + object.bucket + (object.key.isEmpty ? "" : "/" + key)
        } else {
            host = "\(object.bucket).s3.\(s3.region).amazonaws.com"
            base = "https://" + host
            path = "/" + key
        }
        let queryText = SigV4Signer.canonicalQuery(query)
        let url = base + path + (queryText.isEmpty ? "" : "?" + queryText)
        let signing = s3.credentials.map {
            Signing(host: host, path: path, query: query, region: s3.region, credentials: $0)
        }
        return .success(
            RemoteRequestTarget(url: url, origin: RemoteLocation.origin(of: url), signing: signing))
    }

    private init(url: String, origin: String, signing: Signing? = nil) {
        self.url = url
        self.origin = origin
        self.signing = signing
    }

    /// The headers of a `method` request sent now (`Name: value` lines; none when unsigned).
    func headers(method: String) -> [String] {
        headers(method: method, at: Int(time(nil)))
    }

    /// The headers of a `method` request sent at `seconds` since 1970.
    func headers(method: String, at seconds: Int) -> [String] {
        guard let signing else { return [] }
        var headers: [(name: String, value: String)] = [
            ("host", signing.host),
            ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
            ("x-amz-date", SigV4Signer.timestamp(secondsSince1970: seconds)),
        ]
        if let token = signing.credentials.sessionToken { headers.append(("x-amz-security-token", token)) }
        let signed = SigV4Signer.sign(
            SigV4Signer.Request(method: method, path: signing.path, query: signing.query, headers: headers),
            accessKeyID: signing.credentials.accessKeyID,
            secretAccessKey: signing.credentials.secretAccessKey, region: signing.region,
            time: headers[2].value)
        return headers.map { "\($0.name): \($0.value)" } + ["authorization: \(signed.authorization)"]
    }
}
