import Testing

@testable import ArticlePipeline

/// The byte-level shortcuts of the hot paths answer as the String-level tests they stand in front of.
@Suite struct FastPathTests {
    @Test func wordInfoTableAnswersLikeTheDictionary() {
        for (word, info) in WordInfo.table {
            #expect(WordInfo.lookup.info(word) == info, "\(word)")
        }
        for word in ["", "zzzz", "The", "said ", "saids", "sai", "mr.", "müller", "\u{1F600}"] {
            #expect(WordInfo.lookup.info(word) == WordInfo.table[word] ?? .none, "\(word)")
        }
    }

    @Test(arguments: [
        "", "byline", "article-byline", "Author-name", "post-author__name", "c-username",
        "published-date", "PUBLISHED", "authorities", "nav main", "x", "byli", "a u t h o r",
        "meta-by", "pub", "user", "column medium-8 large-6", "author", "bigusername",
    ])
    func classPrefilterKeepsEveryHit(_ value: String) {
        var value = value
        value.withUTF8 { classes in
            let any =
                HTMLMetadataExtractor.isBylineClass(classes) || HTMLMetadataExtractor.isUsernameClass(classes)
                || HTMLMetadataExtractor.isPublishedClass(classes)
            if any { #expect(VisibleMetadataCollector.mayNameWriterOrDate(classes)) }
        }
    }

    @Test(arguments: [
        "Written by", "  written by: ", "\u{A0}Posted by\u{A0}", "\u{0B}Story by", "WORDS BY:",
        "Écrit par", "geschrieben von", "Article by ", "Author", "By", "Written by someone long enough",
        "\n\t verfasst von : ", "escrito por", "Home", "",
    ])
    func labelAlonePrefilterKeepsEveryLabel(_ text: String) {
        let bytes = ArraySlice(Array(text.utf8))
        if BylineLabels.isLabelAlone(text.collapsingWhitespace()) {
            #expect(BylineLabels.mayBeLabelAlone(bytes))
        }
    }

    @Test func labelAlonePrefilterAnswersForLabels() {
        #expect(BylineLabels.mayBeLabelAlone(ArraySlice(Array(" Written by ".utf8))))
        #expect(!BylineLabels.mayBeLabelAlone(ArraySlice(Array("Home".utf8))))
        #expect(!BylineLabels.mayBeLabelAlone(ArraySlice(Array("Written by someone long enough".utf8))))
    }

    @Test func phraseMatcherFindsPhrasesAtEveryPlace() {
        let matcher = PhraseMatcher(["posted by", "by", "autor:"])
        #expect(matcher.firstMatch(in: Array("Posted by Jane".utf8)) == 0..<9)
        #expect(matcher.firstMatch(in: Array("x BY".utf8)) == 2..<4)
        #expect(matcher.firstMatch(in: Array("AUTOR: Jan".utf8)) == 0..<6)
        #expect(matcher.firstMatch(in: Array("b".utf8)) == nil)
        #expect(matcher.firstMatch(in: Array("nothing here".utf8)) == nil)
    }

    @Test func tagNamesPackedEightAtATimeAsByteByByte() {
        for value in 0...255 {
            let byte = UInt64(value)
            let word = byte | byte << 24 | 0x41 << 8 | 0xC1 << 48 | 0x5A << 56
            var expected: UInt64 = 0
            for offset in 0..<8 {
                let lowered = UInt64(ASCII.lowercased(UInt8(truncatingIfNeeded: word >> UInt64(offset * 8))))
                expected |= lowered << UInt64(offset * 8)
            }
            #expect(HTMLTagTable.lowercased(word) == expected, "\(value)")
        }
        #expect(Array("DIV      ".utf8).withUnsafeBufferPointer { HTMLTagTable.tag($0, 0, 3) } == .div)
        let names = ["DIV", "a", "Span", "ARTICLE", "figcaption", "h1", "x-Custom", "tÄg", "TEMPLATE", "br"]
        for name in names {
            let bytes = Array(name.utf8) + Array("        ".utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let count = name.utf8.count
                if count <= 8 {
                    #expect(HTMLTagTable.packWord(buffer, 0, count) == HTMLTagTable.pack(buffer, 0, count))
                }
                let lowered = Array(name.lowercased().utf8)
                let expected = lowered.withUnsafeBufferPointer { HTMLTagTable.tag($0, 0, $0.count) }
                #expect(HTMLTagTable.tag(buffer, 0, count) == expected, "\(name)")
            }
        }
    }

    @Test func quoteTextIsTheScalarsAsAString() {
        let text = "“Ça va,” she said — 東京 \u{1F600}"
        let scalars = Array(text.unicodeScalars)
        #expect(EnrichStage.string(scalars[...]) == text)
        #expect(EnrichStage.string(scalars[1..<6]) == "Ça va")
    }
}
