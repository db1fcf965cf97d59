import Foundation
import Testing

@testable import ArticlePipeline

/// Dates as pages write them, per language (`Fixtures/dates.jsonl`: the text, the page's `lang` and
/// the expected ISO value, or null when the text holds no complete date).
@Suite struct DateNormaliserTests {
    private struct Case: Decodable {
        var language: String
        var text: String
        var expected: String?
    }

    private static func cases() throws -> [Case] {
        try PipelineTestSupport.fixtureCases("dates.jsonl", as: Case.self)
    }

    @Test func writtenDatesOfEveryLanguage() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 40)
        #expect(Set(cases.map { $0.language.prefix(2) }).count >= 20)
        for item in cases {
            let order = DateNormaliser.NumericOrder(language: item.language)
            #expect(
                DateNormaliser.normalise(item.text, order: order) == item.expected,
                "\(item.language): \(item.text)")
        }
    }

    @Test func numericOrderFollowsTheLanguageUnlessAPartIsOverTwelve() {
        #expect(DateNormaliser.NumericOrder(language: "en-US") == .monthFirst)
        #expect(DateNormaliser.NumericOrder(language: "en_GB") == .dayFirst)
        #expect(DateNormaliser.NumericOrder(language: nil) == .dayFirst)
        #expect(DateNormaliser.numericDate("05/10/2018", order: .monthFirst) == "2018-05-10")
        #expect(DateNormaliser.numericDate("05/10/2018", order: .dayFirst) == "2018-10-05")
        #expect(DateNormaliser.numericDate("13/10/2018", order: .monthFirst) == "2018-10-13")
        #expect(DateNormaliser.numericDate("10/13/2018", order: .dayFirst) == "2018-10-13")
        // Dots are always day first; year-first tokens are always year-month-day.
        #expect(DateNormaliser.numericDate("05.10.2018", order: .monthFirst) == "2018-10-05")
        #expect(DateNormaliser.numericDate("2018/10/05", order: .monthFirst) == "2018-10-05")
        #expect(DateNormaliser.numericDate("1.2.3", order: .dayFirst) == nil)
        #expect(DateNormaliser.numericDate("12345678", order: .dayFirst) == nil)
    }

    @Test func monthTableGivesEveryWordOneMonth() {
        var months: [String: Int] = [:]
        for line in MonthNames.table {
            let columns = line.split(separator: "|")
            #expect(columns.count == 12, "\(line.prefix(30))")
            for (index, column) in columns.enumerated() {
                for form in column.split(separator: " ") {
                    let word = form.hasSuffix(".") ? String(form.dropLast()) : String(form)
                    #expect(word == word.lowercased())
                    #expect(months[word, default: index + 1] == index + 1, "\(word) names two months")
                    months[word] = index + 1
                }
            }
        }
        #expect(MonthNames.month("Września") == .init(number: 9, abbreviated: false))
        #expect(MonthNames.month("Sept.") == .init(number: 9, abbreviated: true))
        #expect(MonthNames.month("Mai") == .init(number: 5, abbreviated: false))
        #expect(MonthNames.month("Monday") == nil)
    }

    @Test func urlDates() {
        #expect(URLDate.date(in: "https://www.example.com/news/2019/11/19/some-story/") == "2019-11-19")
        #expect(URLDate.date(in: "https://www.example.com/politics/2019/nov/18/story") == "2019-11-18")
        #expect(URLDate.date(in: "https://example.org/2019-11-18-story.html") == "2019-11-18")
        #expect(
            URLDate.date(in: "https://example.org/cells-set-off-immune-responses-20191115/") == "2019-11-15")
        #expect(URLDate.date(in: "https://example.org/article/3834/1") == nil)
        #expect(URLDate.date(in: "https://example.org/2019/11/archive") == nil)
        #expect(URLDate.date(in: "https://example.org/story?id=20191115") == nil)
        #expect(URLDate.date(in: "https://20191115.example.org/story") == nil)
    }
}
