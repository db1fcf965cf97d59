import Testing

@testable import ArticlePipeline
@testable import ExtractionScoring

@Suite struct ShingleScoreTests {
    @Test func tokensAreUnicodeWordRuns() {
        let tokens = ShingleScore.tokens(of: "Já é 2025 — l'été, snake_case; 東京 x²!")
        #expect(tokens == ["Já", "é", "2025", "l", "été", "snake_case", "東京", "x²"])
    }

    @Test func identicalTextsScorePerfectly() {
        let score = ShingleScore(gold: "one two three four five", predicted: "one  two\nthree four five")
        #expect(score.truePositives == 1 && score.falsePositives == 0 && score.falseNegatives == 0)
        #expect(score.precision == 1 && score.recall == 1)
    }

    @Test func partialOverlapIsNormalised() {
        // Gold shingles: abcd bcde; predicted: abcd bcdx cdxy. One TP, two FP, one FN.
        let score = ShingleScore(gold: "a b c d e", predicted: "a b c d x y")
        #expect(abs(score.truePositives - 0.25) < 1e-12)
        #expect(abs(score.falsePositives - 0.5) < 1e-12)
        #expect(abs(score.falseNegatives - 0.25) < 1e-12)
        #expect(abs(score.precision - 1.0 / 3) < 1e-12)
        #expect(abs(score.recall - 0.5) < 1e-12)
    }

    @Test func repeatedShinglesCountAsMultiset() {
        let score = ShingleScore(gold: "a b c d a b c d", predicted: "a b c d")
        // Gold: abcd ×2, bcda, cdab, dabc; predicted: abcd ×1.
        #expect(abs(score.recall - 0.2) < 1e-12)
        #expect(score.precision == 1)
    }

    @Test func shortAndEmptyTexts() {
        #expect(ShingleScore(gold: "short text", predicted: "short text").recall == 1)
        #expect(ShingleScore(gold: "short text", predicted: "other text").recall == 0)
        let empty = ShingleScore(gold: "some gold words here", predicted: "")
        #expect(empty.precision == 0 && empty.recall == 0)
        #expect(ShingleScore(gold: "", predicted: "").precision == 1)
    }
}
