import ArticlePipeline
import Foundation
import ScrapeIO
import TestSupport
import Testing

/// Fixture-driven tests of the JSON Lines reader: `Fixtures/JSONLines/NAME.jsonl` is read with the
/// default settings and every line's outcome is compared with line N of `NAME.expected.jsonl`
/// (`{"body" | "body_hex", "url", "id", "fetched_at", "content_type"}`, `{"failure": reason}` or
/// `{"skip": reason}`; a field left out is expected absent, an id left out is the URL/body hash).
@Suite("JSON Lines fixtures")
struct JSONLineFixtureTests {
    static let folder = TestTargetFiles(target: "ScrapeIOTests").url("Fixtures/JSONLines")

    @Test(
        "every line of a fixture gives its expected article, failure or skip",
        arguments: ["escapes", "nesting", "values", "malformed", "strict"])
    func fixture(name: String) throws {
        try Self.check(name, settings: ReaderSettings())
    }

    @Test("keys compare as Swift strings do (canonical equivalence); the last of equal keys wins")
    func equivalentKeys() throws {
        var settings = ReaderSettings()
        settings.bodyFields = ["Km", "é"]
        settings.urlFields = ["url"]
        try Self.check("keys", settings: settings)
        // The rule is the one reading into a [String: Any] gave.
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("keys.jsonl"))
        let (items, _) = ScrapeFixtures.readAll(
            [Self.folder.appendingPathComponent("keys.jsonl").path], settings: settings)
        let lines = data.split(separator: 0x0a).map { Array($0) }
        #expect(
            items.map(JSONLineOutcome.init)
                == lines.map { ReferenceJSONLineReader.outcome($0, settings: settings) })
    }

    /// Reads fixture `name` and compares each line's outcome with its expectation.
    static func check(_ name: String, settings: ReaderSettings) throws {
        let input = folder.appendingPathComponent(name + ".jsonl").path
        let expected = try expectations(name)
        let (items, stats) = ScrapeFixtures.readAll([input], settings: settings)

        let skips = expected.filter { $0["skip"] != nil }.count
        #expect(items.count + skips == expected.count)
        #expect(stats.skippedRecords == (skips > 0 ? ["blank line": skips] : [:]))
        var next = items.makeIterator()
        for (index, expectation) in expected.enumerated() where expectation["skip"] == nil {
            let line = index + 1
            guard let item = next.next() else { break }
            switch item {
            case .failure(let failure):
                #expect(failure.reason == expectation["failure"] as? String, "\(name):\(line)")
                #expect(failure.source == SourceLocation(path: input, line: line), "\(name):\(line)")
            case .article(let article):
                guard expectation["failure"] == nil else {
                    Issue.record("\(name):\(line) should have failed: \(expectation["failure"]!)")
                    continue
                }
                try check(article, against: expectation, at: "\(name):\(line)")
                #expect(article.source == SourceLocation(path: input, line: line))
            case .reference, .split:
                Issue.record("\(name):\(line): JSON Lines never yield references or splits")
            }
        }
    }

    static func expectations(_ name: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".expected.jsonl"))
        return try data.split(separator: 0x0a).map {
            try #require(JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
    }

    static func check(_ article: RawArticle, against expectation: [String: Any], at place: String) throws {
        let body: [UInt8]
        if let hex = expectation["body_hex"] as? String {
            body = try hexBytes(hex)
        } else {
            body = Array(try #require(expectation["body"] as? String, "\(place)").utf8)
        }
        #expect(article.body == body, "\(place)")
        let url = expectation["url"] as? String
        #expect(article.url == url, "\(place)")
        #expect(
            article.id == (expectation["id"] as? String ?? StableID.forArticle(url: url, body: body)),
            "\(place)")
        #expect(article.fetchedAt == expectation["fetched_at"] as? String, "\(place)")
        #expect(article.contentType == expectation["content_type"] as? String, "\(place)")
        #expect(article.charset == "utf-8")
    }

    static func hexBytes(_ hex: String) throws -> [UInt8] {
        let digits = Array(hex.utf8)
        return try stride(from: 0, to: digits.count, by: 2).map {
            try #require(UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16))
        }
    }
}
