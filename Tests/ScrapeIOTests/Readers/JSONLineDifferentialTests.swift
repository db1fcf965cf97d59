import ArticlePipeline
import Foundation
import Testing

@testable import ScrapeIO

/// The scanner-based JSON Lines reader against the reader it replaced (`JSONSerialization`), on a few
/// hundred generated lines: same articles field for field, same failures with the same reasons.
@Suite("JSON Lines scanner against JSONSerialization")
struct JSONLineDifferentialTests {
    /// Every name the default settings look for, and a few that only look like them.
    static let names: [String] = {
        let settings = ReaderSettings()
        return settings.urlFields + settings.bodyFields + settings.idFields + settings.fetchedAtFields
            + settings.contentTypeFields + ["HTML", "meta", "html ", ""]
    }()

    @Test("generated valid lines: the same article, field for field")
    func validLines() throws {
        var generator = RandomJSONLines(seed: 20_240_611)
        let lines = (0..<400).map { _ in generator.line() }
        let counts = try Self.compareReaders(lines)
        // The lines must exercise both paths, or the agreement means little.
        #expect(counts["article", default: 0] >= 200)
        #expect(counts["no body field", default: 0] >= 20)
        #expect(counts["JSON line is not an object", default: 0] >= 10)
        #expect(counts["invalid JSON"] == nil)
    }

    @Test("generated malformed lines: rejected alike, with the same reason")
    func malformedLines() throws {
        var generator = RandomJSONLines(seed: 7_031_999)
        let lines = (0..<500).map { _ in generator.malformed() }
        let counts = try Self.compareReaders(lines)
        #expect(counts["invalid JSON", default: 0] >= 250)
        #expect(counts["invalid UTF-8 in JSON line", default: 0] >= 30)
        #expect(counts["article", default: 0] >= 20)
    }

    @Test("every wanted field of every generated line: the scanner finds what JSONSerialization parsed")
    func everyField() {
        var generator = RandomJSONLines(seed: 99)
        let scanner = JSONLineScanner(fieldNames: Self.names)
        var compared = 0
        for _ in 0..<600 {
            let line = generator.chance(25) ? generator.malformed() : generator.line()
            let accepted = line.withUnsafeBytes { raw in
                do {
                    try scanner.scan(raw)
                    return true
                } catch {
                    return false
                }
            }
            let object = ReferenceJSONLineReader.object(line)
            #expect(accepted == (object != nil), "\(Self.shown(line))")
            guard accepted, let object else { continue }
            for (position, name) in Self.names.enumerated() {
                let agrees = line.withUnsafeBytes {
                    Self.agree(scanner.values[position], object[name], in: $0, scanner: scanner)
                }
                #expect(agrees, "field \(name.debugDescription) of \(Self.shown(line))")
                compared += 1
            }
        }
        #expect(compared >= 300 * Self.names.count)
    }

    /// Reads `lines` as one file and with the reference; returns outcome counts by kind.
    static func compareReaders(_ lines: [[UInt8]]) throws -> [String: Int] {
        let folder = try ScrapeFixtures.temporaryFolder()
        let path = try ScrapeFixtures.write(Array(lines.joined(separator: [0x0a])), to: folder + "/gen.jsonl")
        let (items, _) = ScrapeFixtures.readAll([path])
        var byLine: [Int: JSONLineOutcome] = [:]
        for item in items {
            let line = item.article?.source.line ?? item.failure?.source.line
            byLine[try #require(line)] = JSONLineOutcome(item)
        }
        var counts: [String: Int] = [:]
        for (index, line) in lines.enumerated() {
            let expected = ReferenceJSONLineReader.outcome(line)
            let actual = byLine[index + 1] ?? .skipped
            #expect(actual == expected, "line \(index + 1): \(shown(line))")
            switch expected {
            case .article: counts["article", default: 0] += 1
            case .failure(let reason):
                counts[reason.hasPrefix("no body field") ? "no body field" : reason, default: 0] += 1
            case .skipped: counts["skipped", default: 0] += 1
            }
        }
        return counts
    }

    /// Whether a scanned value is what Foundation made of the same field.
    static func agree(
        _ value: JSONLineValue, _ parsed: Any?, in line: UnsafeRawBufferPointer, scanner: JSONLineScanner
    ) -> Bool {
        switch value {
        case .absent:
            return parsed == nil
        case .string(let range):
            guard let text = parsed as? String else { return false }
            return scanner.bytes(range) == Array(text.utf8) && scanner.string(range) == text
        case .number(let range):
            guard let number = parsed as? NSNumber, !ReferenceJSONLineReader.isBoolean(number) else {
                return false
            }
            return JSONLinesRecordReader.numberText(UnsafeRawBufferPointer(rebasing: line[range]))
                == number.stringValue
        case .boolean:
            return (parsed as? NSNumber).map(ReferenceJSONLineReader.isBoolean) ?? false
        case .null:
            return parsed is NSNull
        case .container:
            return parsed is [Any] || parsed is [String: Any]
        }
    }

    /// A line for a failure message: its start, printable.
    static func shown(_ line: [UInt8]) -> String {
        String(decoding: line.prefix(300), as: UTF8.self).debugDescription
    }
}
