import Foundation
import Testing

@testable import ArticlePipeline

/// Golden files for main-text extraction: every `Fixtures/main-text/NAME.html` must extract to
/// exactly `NAME.expected.txt` (the record's `text`). Each page is built to need one rule (its
/// first comment line in the expected file says which). Re-record after a deliberate change with
/// `PRESSWORK_RECORD_GOLDEN=1 swift test --filter MainTextGoldenTests`, then read the diff.
@Suite struct MainTextGoldenTests {
    static let folder = PipelineTestSupport.files.url("Fixtures/main-text")

    static var pages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func thereAreGoldenPages() {
        #expect(Self.pages.count >= 3)
    }

    @Test(arguments: pages) func extractsTheGoldenText(_ name: String) throws {
        let html = try PipelineTestSupport.fixture("main-text/\(name).html")
        // The page's address, when the fixture names one in `NAME.url` (the page type reads it).
        let urlFile = Self.folder.appendingPathComponent("\(name).url")
        let url = (try? String(contentsOf: urlFile, encoding: .utf8))?.trimmingCharacters(
            in: .whitespacesAndNewlines)
        let raw = url.map { PipelineTestSupport.raw(html, url: $0) } ?? PipelineTestSupport.raw(html)
        let text = try Pipeline().process(raw).text
        let expectedURL = Self.folder.appendingPathComponent("\(name).expected.txt")
        if ProcessInfo.processInfo.environment["PRESSWORK_RECORD_GOLDEN"] == "1" {
            try Data((text + "\n").utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(text + "\n" == expected, "\(name): extracted text differs from \(name).expected.txt")
    }
}
