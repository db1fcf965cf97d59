import TestExecutors
import Testing

@testable import ArticlePipeline

/// The whole pipeline's cost grows linearly with the page: a page of repeated cards ten times larger
/// costs about ten times as much, not a hundred. The test compares two sizes measured in the same
/// process (a ratio, not a time budget), so a slow or busy machine does not fail it; a quadratic
/// step (re-scanning every card for every card, say) makes the ratio about 100 and fails it.
@Suite(.serialized) struct LinearCostTests {
    /// Pipeline limits that admit the large page: the defaults refuse bodies over 16 MiB and stop
    /// building the tree at 500,000 elements, which is right for a worker and beside the point here.
    static var roomySettings: PipelineSettings {
        var settings = PipelineSettings()
        settings.maxBodyBytes = 64 << 20
        settings.maxElements = 4_000_000
        return settings
    }

    /// A listing page of `bytes` bytes: a header, a grid of alike cards (each a link, a title, a
    /// teaser sentence and a date), and a footer.
    static func cardPage(bytes: Int) -> String {
        var html = "<html><head><title>Latest stories</title></head><body>"
        html += "<header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header><main><ul class=grid>"
        var index = 0
        while html.utf8.count < bytes {
            html += "<li class=card><a href=\"/story/\(index)\">"
            html += "<h3>Story number \(index) about the harbour</h3></a>"
            html += "<p class=teaser>The council met again on day \(index % 28 + 1) to weigh the plan, "
            html += "and residents asked about costs, timing and the old sea wall.</p>"
            html += "<time datetime=2024-03-\(index % 28 + 1)>March \(index % 28 + 1)</time></li>"
            index += 1
        }
        html += "</ul></main><footer><p>All rights reserved.</p></footer></body></html>"
        return html
    }

    /// One run of the whole pipeline on `html`, timed, with its record.
    static func timed(_ pipeline: Pipeline, _ html: String) throws -> (Duration, ArticleRecord) {
        let started = ContinuousClock.now
        let record = try pipeline.process(PipelineTestSupport.raw(html))
        return (ContinuousClock.now - started, record)
    }

    /// Runs on a dedicated thread: a minute of blocking work in a debug build would hold one of the
    /// cooperative pool's few threads and stall the tests waiting on it.
    @Test func aTwentyMegabytePageOfCardsCostsTenTimesATwoMegabyteOne() async throws {
        try await DedicatedThreads.run {
            let small = Self.cardPage(bytes: 2 << 20)
            let large = Self.cardPage(bytes: 20 << 20)
            let pipeline = Pipeline(settings: Self.roomySettings)
            // A first small page warms what is built once per process (lexicons, tables), which would
            // otherwise be charged to the smaller page and hide a steeper growth.
            _ = try Self.timed(pipeline, Self.cardPage(bytes: 64 << 10))
            let (smallTime, smallRecord) = try Self.timed(pipeline, small)
            let (largeTime, largeRecord) = try Self.timed(pipeline, large)
            // The cards are the content on both pages: the large page gives about ten times the text.
            #expect(largeRecord.text.utf8.count > 8 * smallRecord.text.utf8.count)
            #expect(smallRecord.text.contains("met again on day 8 to weigh"))
            let ratio = largeTime / smallTime
            // Linear cost gives about 10; allow the noise of a shared machine and the caches of a larger
            // working set, and still fail a quadratic step (about 100).
            #expect(ratio < 25, "20 MB took \(largeTime), 2 MB took \(smallTime): \(ratio)x")
        }
    }
}
