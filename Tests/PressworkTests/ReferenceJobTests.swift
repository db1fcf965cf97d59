import Foundation
import Testing

/// Jobs that carry references (file + byte range) instead of bodies, for plain .warc inputs: the
/// output must be the one jobs with bodies give, byte for byte, broken records included.
@Suite(.serialized) struct ReferenceJobTests {
    /// Every record and dead-letter line, re-serialised with sorted keys and sorted.
    private func lines(_ output: OutputDirectory) throws -> [String] {
        try (output.records + output.deadLetters).map { object in
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }

    @Test func plainWarcGivesTheSameOutputWithReferencesAsWithBodies() throws {
        let dir = try TemporaryDirectory()
        let scrape = dir.path("scrape.warc")
        try Scrapes.generate(count: 120, format: "warc", to: scrape, urls: dir.path("urls.txt"), broken: 0.05)
        var outputs: [[String]] = []
        for (name, extra) in [("references", [String]()), ("bodies", ["--inline-bodies"])] {
            let out = dir.path(name)
            let outcome = try PressworkBinary.run(
                ["run", scrape.path, "-o", out.path, "--workers", "2", "--quiet", "--log-level", "info"]
                    + extra,
                in: dir.url)
            #expect(
                outcome.status == 0 || outcome.status == LocalRunTests.finishedWithFailures,
                "\(outcome.stderr)")
            let referenced = try #require(
                outcome.stderr.range(of: #"referenced_articles[^0-9]*([0-9]+)"#, options: .regularExpression)
                    .map { Int(outcome.stderr[$0].filter(\.isNumber)) }, "\(outcome.stderr)")
            if extra.isEmpty {
                #expect((referenced ?? 0) >= 100, "most articles travel as references")
            } else {
                #expect(referenced == 0)
            }
            outputs.append(try lines(OutputDirectory(url: out)))
        }
        #expect(outputs[0].count >= 120)
        #expect(outputs[0] == outputs[1])
    }
}
