import Testing

@testable import ArticlePipeline

/// `page_type` by the learned model over `PageFeatures`: the generated model matches the features,
/// pages are told apart by their structure when no address or declaration helps, and the record
/// carries the choice.
@Suite struct PageTypeClassifierTests {
    private func type(fixture name: String, url: String? = nil) throws -> PageType {
        let html = String(decoding: try PipelineTestSupport.fixture("page-type/\(name).html"), as: UTF8.self)
        return PageTypeClassifier.classify(PipelineTestSupport.parse(html), url: url)
    }

    @Test func theModelReadsTheFeaturesInTheirOrder() {
        #expect(PageTypeModel.featureNames == PageFeatures.names)
        #expect(Set(PageTypeModel.types) == Set(PageType.allCases))
        #expect(PageTypeModel.bias.count == PageTypeModel.types.count)
        #expect(PageTypeModel.weights.allSatisfy { $0.count == PageFeatures.names.count })
        #expect(Set(PageFeatures.names).count == PageFeatures.names.count, "feature names are unique")
    }

    @Test func everyPageGetsOneValuePerFeature() {
        let document = PipelineTestSupport.parse("<html><body><p>Short.</p></body></html>")
        #expect(PageFeatures(document: document, url: nil).values.count == PageFeatures.names.count)
        #expect(
            PageFeatures(document: document, url: "https://example.org/a/b").values.count
                == PageFeatures.names.count)
    }

    @Test func pagesWithoutAnAddressAreReadFromTheirStructure() throws {
        #expect(try type(fixture: "forum-thread") == .forum)
        // Cards with prices: a list of things. Without an address the model cannot always tell a
        // shop's category (collection) from other lists (listing); with one it can.
        let shop = try type(fixture: "shop-category")
        #expect(shop == .collection || shop == .listing, "got \(shop)")
        let story = String(decoding: try PipelineTestSupport.fixture("harbour-ferry.html"), as: UTF8.self)
        #expect(PageTypeClassifier.classify(PipelineTestSupport.parse(story), url: nil) == .article)
    }

    @Test func theAddressStillCounts() throws {
        let forum = try type(
            fixture: "forum-thread", url: "https://talk.example.org/t/rear-derailleur-skipping/4821")
        #expect(forum == .forum)
        #expect(try type(fixture: "shop-category", url: "https://shop.example.org/c/kettles") == .collection)
    }

    @Test func theRecordCarriesThePageType() throws {
        let html = String(
            decoding: try PipelineTestSupport.fixture("page-type/forum-thread.html"), as: UTF8.self)
        let record = try Pipeline().process(PipelineTestSupport.raw(html))
        #expect(record.pageType == "forum")
        #expect(String(decoding: RecordJSON.encode(record), as: UTF8.self).contains(#""page_type":"forum""#))
    }
}
