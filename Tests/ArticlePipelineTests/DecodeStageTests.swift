import TestSupport
import Testing

@testable import ArticlePipeline

@Suite struct DecodeStageTests {
    private func decode(_ raw: RawArticle) throws -> DecodedDocument {
        var stage = DecodeStage()
        return try stage.decode(raw)
    }

    @Test func utf8ByteOrderMarkIsStrippedAndWins() throws {
        let body: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>Caf\u{e9}</p>".utf8)
        let decoded = try decode(PipelineTestSupport.raw(body, charset: "windows-1252"))
        #expect(decoded.charset == "utf-8")
        #expect(decoded.text == "<p>Caf\u{e9}</p>")
        #expect(decoded.format == .html)
    }

    @Test func utf16ByteOrderMarkIsConverted() throws {
        var body: [UInt8] = [0xFF, 0xFE]
        for unit in "<p>Zo\u{eb}</p>".utf16 { body += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let decoded = try decode(PipelineTestSupport.raw(body))
        #expect(decoded.charset == "utf-16le")
        #expect(decoded.text == "<p>Zo\u{eb}</p>")
    }

    @Test func metaCharsetWindows1252IsConvertedToUTF8() throws {
        // 0xE9 = é, 0x93/0x94 = curly double quotes, 0x80 = euro sign in windows-1252.
        let body =
            Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf".utf8)
            + [0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x35] + Array("</p></body></html>".utf8)
        let decoded = try decode(PipelineTestSupport.raw(body))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.text.contains("Caf\u{e9} \u{201C}q\u{201D} \u{20AC}5"))
        #expect(decoded.warnings.isEmpty)
    }

    @Test func httpEquivContentTypeDeclaresLatin1() throws {
        let body =
            Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>na".utf8)
            + [0xEF, 0x76, 0x65] + Array("</p>".utf8)
        let decoded = try decode(PipelineTestSupport.raw(body))
        #expect(decoded.charset == "windows-1252")
        #expect(decoded.text.hasSuffix("<p>na\u{ef}ve</p>"))
    }

    @Test func contentTypeCharsetComesBeforeMeta() throws {
        let body = Array("<meta charset=\"utf-8\"><p>".utf8) + [0xE9] + Array("</p>".utf8)
        let decoded = try decode(PipelineTestSupport.raw(body, contentType: "text/html; charset=iso-8859-1"))
        #expect(decoded.text.hasSuffix("<p>\u{e9}</p>"))
    }

    @Test func invalidUTF8IsReplacedWithAWarning() throws {
        let body = Array("<p>ok ".utf8) + [0xC3, 0x28, 0xFF] + Array(" end</p>".utf8)
        let decoded = try decode(PipelineTestSupport.raw(body))
        #expect(decoded.text.contains("\u{FFFD}"))
        #expect(decoded.text.hasSuffix(" end</p>"))
        #expect(decoded.warnings == ["invalid utf-8 replaced"])
    }

    @Test func validUTF8HasNoWarning() throws {
        let decoded = try decode(PipelineTestSupport.raw(Array("Plain text, caf\u{e9} \u{1F600}.".utf8)))
        #expect(decoded.warnings.isEmpty)
        #expect(decoded.format == .text)
    }

    @Test func unknownCharsetFallsBackToUTF8WithAWarning() throws {
        let decoded = try decode(PipelineTestSupport.raw(Array("hello".utf8), charset: "x-no-such-charset"))
        #expect(decoded.text == "hello")
        #expect(decoded.warnings.contains { $0.contains("unknown charset") })
    }

    @Test func binaryJunkIsRefused() {
        var generator = SplitMix(seed: 7)
        let body = (0..<8192).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(throws: PipelineError(stage: "decode", reason: "binary content, not text")) {
            try decode(PipelineTestSupport.raw(body))
        }
        let nulPadded = Array("<html>".utf8) + [UInt8](repeating: 0, count: 1000)
        #expect(throws: PipelineError.self) { try decode(PipelineTestSupport.raw(nulPadded)) }
    }

    @Test func formatFollowsContentTypeOrMarkup() throws {
        #expect(
            try decode(PipelineTestSupport.raw(Array("no tags".utf8), contentType: "text/html")).format
                == .html)
        #expect(try decode(PipelineTestSupport.raw(Array("  \n<!DOCTYPE html><p>x".utf8))).format == .html)
        #expect(try decode(PipelineTestSupport.raw(Array("<3 this, a text".utf8))).format == .text)
        #expect(try decode(PipelineTestSupport.raw(Array("Title\n\nBody <b>x</b>.".utf8))).format == .text)
    }
}
