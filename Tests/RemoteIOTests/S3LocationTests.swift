import Testing

@testable import RemoteIO

/// Telling an S3 object from a listing, and where the requests for an `s3://` input go.
@Suite struct S3LocationTests {
    @Test func readsBucketAndKey() {
        let object = S3Location("s3://crawl/segments/1/a.warc.gz")
        #expect(object == S3Location(bucket: "crawl", key: "segments/1/a.warc.gz"))
        #expect(object?.isListing == false)
        #expect(S3Location("s3://crawl") == S3Location(bucket: "crawl", key: ""))
        #expect(S3Location("https://crawl/a") == nil)
        #expect(S3Location("s3:///a") == nil)
    }

    @Test func aTrailingSlashOrAGlobMakesAListing() {
        #expect(S3Location("s3://b/segments/")?.isListing == true)
        #expect(S3Location("s3://b")?.isListing == true)
        let glob = S3Location("s3://b/segments/*/crawl-?.warc.gz")!
        #expect(glob.isListing)
        #expect(glob.listPrefix == "segments/")
        #expect(glob.admits("segments/1/crawl-2.warc.gz"))
        #expect(!glob.admits("segments/1/2/crawl-2.warc.gz"), "* does not cross a /")
        #expect(!glob.admits("segments/1/crawl-22.warc.gz"))
        let prefix = S3Location("s3://b/segments/")!
        #expect(prefix.admits("segments/1/2/x"))
        #expect(!prefix.admits("segments/1/"), "folder markers are no objects")
        #expect(!prefix.admits("other/x"))
    }

    private func settings(endpoint: String? = nil, credentials: S3Credentials? = nil) -> RemoteSettings {
        var settings = RemoteSettings()
        settings.s3.endpoint = endpoint
        settings.s3.region = "eu-west-1"
        settings.s3.credentials = credentials
        return settings
    }

    @Test func anEndpointIsAddressedPathStyleAndAWSVirtualHosted() throws {
        let store = try RemoteRequestTarget.make(
            "s3://crawl/a b/c.warc.gz", settings: settings(endpoint: "http://127.0.0.1:9000/")
        ).get()
        #expect(store.url == "http://127.0.0.1:9000/crawl/a%20b/c.warc.gz")
        #expect(store.origin == "http://127.0.0.1:9000")
        let aws = try RemoteRequestTarget.make("s3://crawl/a.warc.gz", settings: settings()).get()
        #expect(aws.url == "https://crawl.s3.eu-west-1.amazonaws.com/a.warc.gz")
        let dotted = try RemoteRequestTarget.make("s3://my.crawl/a.warc.gz", settings: settings()).get()
        #expect(dotted.url == "https://s3.eu-west-1.amazonaws.com/my.crawl/a.warc.gz")
        let listing = try RemoteRequestTarget.make(
            "s3://crawl/", query: [("prefix", "x/"), ("list-type", "2")],
            settings: settings(endpoint: "http://127.0.0.1:9000")
        ).get()
        #expect(listing.url == "http://127.0.0.1:9000/crawl?list-type=2&prefix=x%2F")
        let http = try RemoteRequestTarget.make("https://h/a", settings: settings()).get()
        #expect(http.url == "https://h/a")
        #expect(http.headers(method: "GET").isEmpty)
        if case .success = RemoteRequestTarget.make("s3://b/k", settings: settings(endpoint: "ftp://h")) {
            Issue.record("an ftp endpoint was accepted")
        }
    }

    @Test func requestsAreUnsignedWithoutCredentialsAndSignedWithThem() throws {
        let anonymous = try RemoteRequestTarget.make(
            "s3://crawl/a.warc.gz", settings: settings(endpoint: "http://127.0.0.1:9000")
        ).get()
        #expect(anonymous.headers(method: "GET").isEmpty)
        let credentials = S3Credentials(accessKeyID: "AKID", secretAccessKey: "SECRET", sessionToken: "TOKEN")
        let signed = try RemoteRequestTarget.make(
            "s3://crawl/a.warc.gz",
            settings: settings(endpoint: "http://127.0.0.1:9000", credentials: credentials)
        ).get()
        let headers = signed.headers(method: "GET", at: 1_369_353_600)
        #expect(headers.contains("host: 127.0.0.1:9000"))
        #expect(headers.contains("x-amz-date: 20130524T000000Z"))
        #expect(headers.contains("x-amz-security-token: TOKEN"))
        let expected = SigV4Signer.sign(
            SigV4Signer.Request(
                method: "GET", path: "/crawl/a.warc.gz",
                headers: [
                    ("host", "127.0.0.1:9000"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
                    ("x-amz-date", "20130524T000000Z"), ("x-amz-security-token", "TOKEN"),
                ]),
            accessKeyID: "AKID", secretAccessKey: "SECRET", region: "eu-west-1", time: "20130524T000000Z")
        #expect(headers.last == "authorization: \(expected.authorization)")
        #expect(
            signed.headers(method: "HEAD", at: 1_369_353_600).last != headers.last, "the method is signed")
        #expect(!"\(credentials)".contains("SECRET"))
    }
}
