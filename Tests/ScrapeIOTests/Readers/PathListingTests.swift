import Foundation
import Logging
import ScrapeIO
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("warc.paths")
        try "# two files\na.warc.gz\n\nb.warc.gz".write(to: plain, atomically: true, encoding: .utf8)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", plain.path]
        try gzip.run()
        gzip.waitUntilExit()
        let listing = folder.appendingPathComponent("warc.paths.gz").path
        #expect(
            try PathListing.read(listing, base: "/srv", logger: logger) == [
                "/srv/a.warc.gz", "/srv/b.warc.gz",
            ])
        #expect(throws: PathListingError.self) {
            try PathListing.read(folder.appendingPathComponent("none").path, base: nil, logger: logger)
        }
    }
}
