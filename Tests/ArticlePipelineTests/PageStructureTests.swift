import Testing

@testable import ArticlePipeline

/// The structural measures behind the page-type features, on a shop's category page whose counts
/// are known: six product cards, each with a price and an "Add to cart" button.
@Suite struct PageStructureTests {
    private func structure(_ name: String) throws -> PageStructure {
        let html = String(decoding: try PipelineTestSupport.fixture("page-type/\(name).html"), as: UTF8.self)
        return PageStructure(document: PipelineTestSupport.parse(html))
    }

    private func classWord(_ word: String, in structure: PageStructure) -> Int {
        PageVocabulary.classWords.firstIndex(of: word).map { structure.classWordCounts[$0] } ?? -1
    }

    private func phrase(_ phrase: String, in structure: PageStructure) -> Int {
        PageVocabulary.phrases.firstIndex(of: phrase).map { structure.phraseCounts[$0] } ?? -1
    }

    @Test func cardsAreARunOfAlikeSiblingsWithPrices() throws {
        let page = try structure("shop-category")
        #expect(page.bestRunItems == 6)
        #expect(page.bestRunPricedItems == 6)
        #expect(page.bestRunPicturedItems == 6)
        #expect(page.bestRunHeadedItems == 6)
        #expect(page.bestRunDatedItems == 0)
        #expect(page.priceTokens == 6)
        #expect(page.paginated)
    }

    @Test func classWordsAndControlTextsAreCountedPerElement() throws {
        let page = try structure("shop-category")
        // The grid, six cards and six card titles ("product-card__title" counts once).
        #expect(classWord("product", in: page) == 13)
        #expect(classWord("price", in: page) == 6)
        #expect(classWord("cart", in: page) == 6)
        #expect(phrase("add to cart", in: page) == 6)
        #expect(phrase("next", in: page) == 1)
    }

    @Test func textIsMeasuredByWhereItLies() throws {
        let page = try structure("forum-thread")
        let share = { (zone: PageStructure.Zone) in
            Double(page.zoneText[zone.rawValue]) / Double(page.textBytes)
        }
        #expect(page.bestRunItems == 5)
        #expect(page.bestRunDatedItems == 5)
        #expect(share(.article) > 0.7)
        #expect(share(.paragraph) > 0.5)
        #expect(share(.chrome) < 0.1)
        #expect(phrase("reply", in: page) == 5)
        #expect(page.priceTokens == 0)
    }

    @Test func scriptsAndTheHeadAreNotPageText() {
        let html =
            "<html><head><title>Title words</title></head><body><script>var x = '$5';</script><p>Seen.</p></body></html>"
        let page = PageStructure(document: PipelineTestSupport.parse(html))
        #expect(page.textBytes == 5)
        #expect(page.priceTokens == 0)
    }
}
