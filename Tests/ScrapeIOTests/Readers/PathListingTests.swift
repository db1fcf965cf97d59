import Foundation
import Logging
import ScrapeIO
import TestSupport
import Testing

struct PathListingTests {
    private let logger = Logger(label: "test")

    @Test func skipsCommentsAndBlankLinesAndResolvesAgainstTheBase() {
        let text =
            "# listing\n\ncrawl-data/a.warc.gz\r\n  ./b.warc.gz  \n/abs/c.warc.gz\nhttps://other.test/d\n#x\n"
        #expect(
            PathListing.lines(of: Array(text.utf8), base: "https://data.test/")
                == [
                    "https://data.test/crawl-data/a.warc.gz", "https://data.test/b.warc.gz", "/abs/c.warc.gz",
                    "https://other.test/d",
                ])
        #expect(PathListing.lines(of: Array(text.utf8), base: nil).first == "crawl-data/a.warc.gz")
    }

    @Test func readsAGzipListingAndReportsAMissingOne() throws {
        let folder = try TemporaryDirectory(prefix: "listing")
        let plain = folder.path("warc.paths")
        try "# two files\na.warc.gz\n\nb.warc.gz".write(to: plain, atomically: true, encoding: .utf8)
        try CommandLineTool.run(["gzip", plain.path])
        let listing = folder.path("warc.paths.gz").path
        #expect(
            try PathListing.read(listing, base: "/srv", logger: logger) == [
                "/srv/a.warc.gz", "/srv/b.warc.gz",
            ])
        #expect(throws: PathListingError.self) {
            try PathListing.read(folder.path("none").path, base: nil, logger: logger)
        }
    }
}
