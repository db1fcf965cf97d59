import Testing

@testable import ExtractionScoring

/// The WCXB metric and field matching the evaluator reports on the WCXB development split.
@Suite struct WCXBScoringTests {
    @Test func wordBagsAreLowerCasedMultisets() {
        // Gold: the ×2, cat, sat; predicted: The, cat, cat, ran. Shared: the, cat = 2 words.
        let score = WordBagScore(gold: "the cat sat, the end", predicted: "The cat cat ran")
        #expect(abs(score.precision - 2.0 / 4) < 1e-12)
        #expect(abs(score.recall - 2.0 / 5) < 1e-12)
        #expect(abs(score.f1 - 2 * 0.5 * 0.4 / 0.9) < 1e-12)
    }

    @Test func emptyExtractionScoresZeroUnlessTheGoldIsEmpty() {
        let missed = WordBagScore(gold: "some words", predicted: "")
        #expect(missed.precision == 0 && missed.recall == 0 && missed.f1 == 0)
        let bothEmpty = WordBagScore(gold: " — ", predicted: "")
        #expect(bothEmpty.f1 == 1)
    }

    @Test func titlesCompareAfterWhitespaceQuoteAndDashNormalisation() {
        #expect(WCXBFieldMatch.sameTitle("It’s  here — now", "It's here - now"))
        #expect(!WCXBFieldMatch.sameTitle("It's here", "It's here | Site"))
        #expect(!WCXBFieldMatch.sameTitle("it's here", "It's here"))
    }

    @Test func authorsCompareAsSetsOfNames() {
        #expect(
            WCXBFieldMatch.goldNames("Ann Lee, Bo Diaz and Cy Young") == ["Ann Lee", "Bo Diaz", "Cy Young"])
        #expect(WCXBFieldMatch.sameAuthors(["bo diaz", "ANN LEE"], gold: "Ann Lee & Bo Diaz"))
        #expect(!WCXBFieldMatch.sameAuthors(["Ann Lee"], gold: "Ann Lee & Bo Diaz"))
        #expect(!WCXBFieldMatch.sameAuthors(["Ann Lee", "Site News"], gold: "Ann Lee"))
    }

    @Test func blankGoldFieldsNameNothing() {
        #expect(WCXBFieldMatch.goldValue("") == nil)
        #expect(WCXBFieldMatch.goldValue(" \n") == nil)
        #expect(WCXBFieldMatch.goldValue(nil) == nil)
        #expect(WCXBFieldMatch.goldValue(3) == nil)
        #expect(WCXBFieldMatch.goldValue("Ann Lee") == "Ann Lee")
    }

    @Test func datesCompareByDay() {
        #expect(WCXBFieldMatch.sameDay("2024-05-01T10:00:00Z", "2024-05-01"))
        #expect(!WCXBFieldMatch.sameDay("2024-05-02", "2024-05-01"))
        #expect(!WCXBFieldMatch.sameDay("2024", "2024-05-01"))
    }

    @Test func snippetsMatchCaseAndSpacingInsensitively() {
        let text = WCXBFieldMatch.snippetKey("Flat rates  for routine\nservice — forget it")
        #expect(WCXBFieldMatch.contains(text, snippet: "flat RATES for routine service - forget"))
        #expect(!WCXBFieldMatch.contains(text, snippet: "hourly rates"))
        #expect(!WCXBFieldMatch.contains(text, snippet: "  "))
    }
}
