import Foundation
import Testing

@testable import ArticlePipeline

@Suite struct RecordJSONTests {
    private func sampleRecord() -> ArticleRecord {
        var record = ArticleRecord(
            id: "00ff00ff00ff00ff", source: "in/a.warc.gz@1024", format: "html", pipeline: Pipeline.version)
        record.url = "https://example.com/a?b=1&c=\"2\""
        record.domain = "example.com"
        record.title = "Quote \" backslash \\ slash / tab\tnul\u{0}bell\u{7} esc\u{1B}"
        record.authors = ["Zo\u{eb} \u{17B}\u{f3}\u{142}w", "\u{5F20}\u{4F1F}"]
        record.text = "First line\nsecond\r\n\nemoji \u{1F600} sep\u{2028}end"
        record.paragraphs = 2
        record.wordCount = 7
        record.readingMinutes = 1
        record.images = [ArticleRecord.Image(caption: "c", credit: nil, src: "/i.jpg")]
        record.quotes = [ArticleRecord.Quote(text: "q", speaker: nil, cue: "said", start: 0, end: 1)]
        record.entities = [ArticleRecord.Entity(name: "E", type: "person", mentions: 2, aliases: ["F"])]
        record.temporal = [ArticleRecord.TemporalExpression(text: "Friday", kind: "weekday")]
        record.simhash = "0123456789abcdef"
        record.warnings = ["w1"]
        return record
    }

    @Test func recordRoundTripsThroughJSONDecoder() throws {
        let record = sampleRecord()
        let bytes = RecordJSON.encode(record)
        let decoded = try JSONDecoder().decode(ArticleRecord.self, from: Data(bytes))
        #expect(decoded == record)
        #expect(!bytes.contains(0x0A), "a record must be one line")
        #expect(bytes.last == UInt8(ascii: "}"))
    }

    @Test func keysFollowTheSchemaOrderAndNilFieldsAreOmitted() throws {
        let json = String(decoding: RecordJSON.encode(sampleRecord()), as: UTF8.self)
        let expected = [
            "id", "url", "domain", "source", "format", "title", "authors", "text", "paragraphs", "word_count",
            "reading_minutes", "images", "quotes", "entities", "temporal", "keywords", "simhash", "warnings",
            "pipeline",
        ]
        let positions = try expected.map { key in try #require(json.firstRange(of: "\"\(key)\":")).lowerBound
        }
        #expect(positions == positions.sorted())
        for absent in [
            "fetched_at", "language", "section", "published", "description", "credit", "speaker", "value",
        ] {
            #expect(!json.contains("\"\(absent)\":"), "\(absent) should be omitted")
        }
        #expect(json.contains("\"keywords\":[]"))
        #expect(json.contains("\"images\":[{\"caption\":\"c\",\"src\":\"/i.jpg\"}]"))
    }

    @Test func stringsAreEscaped() {
        let json = String(decoding: RecordJSON.encode(sampleRecord()), as: UTF8.self)
        #expect(json.contains(#""title":"Quote \" backslash \\ slash / tab\tnul\u0000bell\u0007 esc\u001b""#))
        #expect(json.contains(#""text":"First line\nsecond\r\n\nemoji 😀 sep\u2028end""#))
        #expect(json.contains("\"Zo\u{eb} \u{17B}\u{f3}\u{142}w\""))
        let object =
            try? JSONSerialization.jsonObject(with: Data(RecordJSON.encode(sampleRecord()))) as? [String: Any]
        #expect(object?["title"] as? String == sampleRecord().title)
    }

    @Test func deadLetterHasItsFieldsInOrder() throws {
        let row = DeadLetter(
            id: "abc", source: "x.jsonl:3", stage: "decode", reason: "binary \"content\"", attempts: 2)
        let json = String(decoding: RecordJSON.encode(row), as: UTF8.self)
        #expect(
            json
                == #"{"id":"abc","source":"x.jsonl:3","stage":"decode","reason":"binary \"content\"","attempts":2}"#
        )
        var withURL = row
        withURL.url = "https://example.com/"
        let decoded = try JSONDecoder().decode(DeadLetter.self, from: Data(RecordJSON.encode(withURL)))
        #expect(decoded == withURL)
    }

    @Test func pipelineOutputIsValidJSON() throws {
        let html = "<title>T</title><p>A \"quoted\" \\ line\u{1}with control &amp; caf&eacute;.</p>"
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        let decoded = try JSONDecoder().decode(ArticleRecord.self, from: Data(RecordJSON.encode(record)))
        #expect(decoded == record)
        #expect(record.text.contains("\u{1}"))
    }
}
