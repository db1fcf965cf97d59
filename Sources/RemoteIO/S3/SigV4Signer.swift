import Digests

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// AWS Signature Version 4 for S3 requests, as a pure function: the request, the credentials and
/// the time in, the canonical request, the string to sign and the `Authorization` header out. It
/// reads no clock and no environment, so the tests check it against the values AWS publishes.
///
/// The steps (AWS's "Signature Version 4 signing process"): the canonical request is the method,
/// the URI-encoded path, the sorted and encoded query, the signed headers (lower-case names,
/// trimmed values, sorted) and the payload's SHA-256; the string to sign names the algorithm, the
/// time, the scope (`date/region/service/aws4_request`) and the canonical request's SHA-256; the
/// signing key is the secret key HMAC'ed with the date, region, service and `aws4_request` in turn.
///
/// Signed here rather than through an AWS SDK: Soto, the Swift one, brings AsyncHTTPClient,
/// swift-nio-ssl and swift-crypto (minutes of every cold build on two cores), while reading a crawl
/// needs three requests (GET with a range, HEAD, ListObjectsV2) that libcurl, already the HTTP
/// client, sends with four extra headers; the hashes are the project's own (`Digests`).
public enum SigV4Signer {
    /// The SHA-256 of an empty payload: every GET and HEAD request sends it.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// One request to sign. `path` is the URI path as it is sent (each segment URI-encoded once);
    /// `query` holds the parameters unencoded; `headers` are every header to sign (`host` among them).
    public struct Request: Sendable, Equatable {
        public var method: String
        public var path: String
        public var query: [(name: String, value: String)]
        public var headers: [(name: String, value: String)]
        public var payloadHash: String

        public init(
            method: String, path: String, query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)], payloadHash: String = SigV4Signer.emptyPayloadHash
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }

        public static func == (a: Request, b: Request) -> Bool {
            a.method == b.method && a.path == b.path && a.payloadHash == b.payloadHash
                && a.query.elementsEqual(b.query, by: ==) && a.headers.elementsEqual(b.headers, by: ==)
        }
    }

    /// What signing produced; `authorization` is the header's value.
    public struct Signature: Sendable, Equatable {
        public var canonicalRequest: String
        public var stringToSign: String
        public var signature: String
        public var authorization: String
    }

    /// Signs `request` for `service` in `region` at `time` (`yyyyMMdd'T'HHmmss'Z'`, UTC).
    public static func sign(
        _ request: Request, accessKeyID: String, secretAccessKey: String, region: String,
        service: String = "s3", time: String
    ) -> Signature {
        let headers = request.headers.map {
            (name: $0.name.lowercased(), value: collapseSpaces($0.value))
        }
        .sorted { $0.name < $1.name }
        let signedHeaders = headers.map(\.name).joined(separator: ";")
        let canonicalRequest = [
            request.method,
            request.path.isEmpty ? "/" : request.path,
            canonicalQuery(request.query),
            headers.map { "\($0.name):\($0.value)\n" }.joined(),
            signedHeaders,
            request.payloadHash,
        ].joined(separator: "\n")
        let date = String(time.prefix(8))
        let scope = "\(date)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", time, scope, hex(SHA256.hash(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
        var key = Array("AWS4\(secretAccessKey)".utf8)
        for part in [date, region, service, "aws4_request"] {
            key = HMACSHA256.authenticate(Array(part.utf8), key: key)
        }
        let signature = hex(HMACSHA256.authenticate(Array(stringToSign.utf8), key: key))
        let authorization =
            "AWS4-HMAC-SHA256 Credential=\(accessKeyID)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign, signature: signature,
            authorization: authorization)
    }

    /// The query as SigV4 wants it: names and values URI-encoded (`/` too), sorted by name, then value.
    public static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (uriEncode($0.name, keepingSlashes: false), uriEncode($0.value, keepingSlashes: false)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// Percent-encodes every byte but the unreserved ones (`A-Z a-z 0-9 - _ . ~`), and `/` when
    /// `keepingSlashes` (an object key in a path), with upper-case hex as SigV4 requires.
    public static func uriEncode(_ text: String, keepingSlashes: Bool) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                UInt8(ascii: "."),
                UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepingSlashes:
                encoded.append("/")
            default:
                encoded += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 15)])
            }
        }
        return encoded
    }

    /// `yyyyMMdd'T'HHmmss'Z'` of a moment given in seconds since 1970 (UTC).
    public static func timestamp(secondsSince1970 seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        _ = gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }

    /// A header value trimmed, its runs of spaces made one (SigV4's canonical header value).
    private static func collapseSpaces(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
