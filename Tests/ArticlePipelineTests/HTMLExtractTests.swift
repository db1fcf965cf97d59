import Testing

@testable import ArticlePipeline

@Suite struct HTMLExtractTests {
    private func record(fixture name: String) throws -> ArticleRecord {
        try Pipeline().process(PipelineTestSupport.raw(try PipelineTestSupport.fixture(name)))
    }

    @Test func ferryArticleMetadata() throws {
        let record = try record(fixture: "harbour-ferry.html")
        #expect(record.format == "html")
        // The page's headline (its <h1>), not the fuller og:title written for sharing.
        #expect(record.title == "Night ferry returns to Port Aldwin")
        #expect(
            record.description
                == "The overnight crossing to the islands resumes in May with a refitted vessel and lower fares."
        )
        #expect(record.authors == ["Ines Halvorsen", "Tomas Reyes"])
        #expect(record.published == "2024-09-18T07:45:00+02:00")
        #expect(record.section == "Local")
        #expect(record.language == "en")
    }

    @Test func ferryArticleTextKeepsProseAndDropsFurniture() throws {
        let record = try record(fixture: "harbour-ferry.html")
        let paragraphs = record.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 6)
        #expect(record.paragraphs == 6)
        #expect(
            paragraphs.first?.hasPrefix("The overnight ferry between Port Aldwin and the outer islands")
                == true)
        #expect(paragraphs.contains("Islanders welcome the news"))
        #expect(paragraphs.contains { $0.contains("around a fifth \u{2014} a change campaigners") })
        #expect(
            paragraphs.contains(
                "\u{201C}We have waited a long time for this, and people here will use it every week,\u{201D} said a member of the island council."
            ))
        #expect(paragraphs.last?.hasPrefix("Timetables will be published next month") == true)
        let boilerplate = [
            "Share on social media", "Related stories", "Harbour dredging", "Storm warning", "Copyright 2024",
            "We use cookies", "Sport", "Weather", "not text", "Timeline: the ferry dispute", "By Ines",
            "moored",
        ]
        for line in boilerplate {
            #expect(!record.text.contains(line), "boilerplate \"\(line)\" in text")
        }
    }

    @Test func ferryArticleImageCaptionAndCredit() throws {
        let record = try record(fixture: "harbour-ferry.html")
        #expect(
            record.images == [
                ArticleRecord.Image(
                    caption: "The refitted vessel moored at the north quay on Tuesday.",
                    credit: "Mira Tanaka/Coastal Courier", src: "/images/ferry-dock.jpg")
            ])
    }

    @Test func libraryPageWithoutOpenGraph() throws {
        let record = try record(fixture: "library-reopens.html")
        #expect(record.title == "Quiet library reopens after flood repairs")
        #expect(record.authors == ["Priya Nandakumar"])
        #expect(record.published == "2023-11-02")
        #expect(record.language == "en")
        #expect(record.section == nil)
        #expect(record.description == nil)
        let paragraphs = record.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 4)
        #expect(paragraphs[0].hasPrefix("The small branch library on Mill Street opened its doors again"))
        #expect(
            paragraphs[3]
                == "Opening hours are unchanged, and the Saturday story sessions for young children resume next week."
        )
        for line in ["Bus route", "Reader comment", "newsletter", "About us", "Home", "Volunteers sort"] {
            #expect(!record.text.contains(line), "boilerplate \"\(line)\" in text")
        }
        #expect(
            record.images == [
                ArticleRecord.Image(
                    caption: "Volunteers sort salvaged books in the reading room.", credit: "Lee Okafor",
                    src: "/img/library-shelves.jpg")
            ])
    }

    @Test func titleFallsBackToFirstHeadingThenTitleWithoutSiteName() {
        let withHeading = PipelineTestSupport.parse(
            "<title>T | Site</title><h1> Heading&nbsp;one </h1><p>x</p>")
        var article = ExtractedArticle()
        HTMLMetadataExtractor(document: withHeading).extract(into: &article)
        #expect(article.title == "Heading one")
        #expect(
            HTMLMetadataExtractor.removingSiteName("Budget vote delayed again - Northern Ledger")
                == "Budget vote delayed again")
        #expect(
            HTMLMetadataExtractor.removingSiteName("Ledger | Budget vote delayed again")
                == "Ledger | Budget vote delayed again")
        #expect(HTMLMetadataExtractor.removingSiteName("No separator here") == "No separator here")
    }

    @Test func languageCodesAreNormalised() {
        #expect(HTMLMetadataExtractor.languageCode("en-US") == "en")
        #expect(HTMLMetadataExtractor.languageCode("PT_br") == "pt")
        #expect(HTMLMetadataExtractor.languageCode("english") == nil)
        #expect(HTMLMetadataExtractor.languageCode("") == nil)
    }

    @Test func datesAreNormalisedToISO8601() {
        #expect(DateNormaliser.normalise("2024-09-18T07:45:00+02:00") == "2024-09-18T07:45:00+02:00")
        #expect(DateNormaliser.normalise("2024-09-18T07:45:12.345Z") == "2024-09-18T07:45:12Z")
        #expect(DateNormaliser.normalise("2024-09-18 07:45") == "2024-09-18T07:45:00")
        #expect(DateNormaliser.normalise("2024-09-18T07:45:00+0000") == "2024-09-18T07:45:00Z")
        #expect(DateNormaliser.normalise("2024/09/18") == "2024-09-18")
        #expect(DateNormaliser.normalise("September 18, 2024") == "2024-09-18")
        #expect(DateNormaliser.normalise("Wed, 18 Sep 2024 07:45:00 GMT") == "2024-09-18T07:45:00Z")
        #expect(DateNormaliser.normalise("2024-13-40") == nil)
        #expect(DateNormaliser.normalise("yesterday") == nil)
    }

    @Test func creditsAreSplitFromCaptions() {
        #expect(
            ImageCredit.split("Crowds at the port. (Ana Ruiz/Getty Images)") == (
                "Crowds at the port.", "Ana Ruiz/Getty Images"
            ))
        #expect(
            ImageCredit.split("Crowds at the port. Photo by Ana Ruiz") == ("Crowds at the port.", "Ana Ruiz"))
        #expect(ImageCredit.split("Credit: Harbour Archive") == (nil, "Harbour Archive"))
        #expect(ImageCredit.split("A photographer (left) at work") == ("A photographer (left) at work", nil))
    }

    @Test func pageWithoutParagraphsFallsBackToContainerText() throws {
        let record = try Pipeline().process(
            PipelineTestSupport.raw("<html><body><div>Only a line of text here.</div></body></html>"))
        #expect(record.text == "Only a line of text here.")
    }
}
