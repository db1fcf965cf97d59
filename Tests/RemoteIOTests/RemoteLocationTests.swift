import Testing

@testable import RemoteIO

struct RemoteLocationTests {
    @Test func tellsURLsFromPaths() {
        #expect(RemoteLocation.isRemote("https://data.example.org/crawl/a.warc.gz"))
        #expect(RemoteLocation.isRemote("HTTP://127.0.0.1:8080/a"))
        #expect(RemoteLocation.isRemote("s3://bucket/key"))
        #expect(!RemoteLocation.isRemote("ftp://host/key"))
        #expect(RemoteLocation.scheme(of: "s3://bucket/key") == "s3")
        #expect(RemoteLocation.scheme(of: "/data/a.warc.gz") == nil)
        #expect(RemoteLocation.scheme(of: "odd name://x") == nil)
        #expect(RemoteLocation.scheme(of: "-") == nil)
    }

    @Test func resolvesRelativeLinesAgainstTheBase() {
        let line = "crawl-data/CC-MAIN-2026-49/segments/1/warc/a.warc.gz"
        #expect(
            RemoteLocation.resolve(line, base: "https://data.example.org/")
                == "https://data.example.org/crawl-data/CC-MAIN-2026-49/segments/1/warc/a.warc.gz")
        #expect(RemoteLocation.resolve("./a.warc.gz", base: "http://h:1/x") == "http://h:1/x/a.warc.gz")
        #expect(RemoteLocation.resolve("a.warc.gz", base: "/srv/crawl") == "/srv/crawl/a.warc.gz")
        #expect(RemoteLocation.resolve("a.warc.gz", base: nil) == "a.warc.gz")
        #expect(RemoteLocation.resolve("/abs/a.warc.gz", base: "http://h/") == "/abs/a.warc.gz")
        #expect(RemoteLocation.resolve("http://other/a", base: "http://h/") == "http://other/a")
    }

    @Test func countsConnectionsPerOrigin() {
        #expect(RemoteLocation.origin(of: "HTTP://Example.org:8080/a/b?c") == "http://example.org:8080")
        #expect(RemoteLocation.origin(of: "https://user@example.org/a") == "https://example.org")
    }
}
