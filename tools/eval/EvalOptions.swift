import ExtractionScoring

/// Command-line options of `presswork-eval`, read by hand to keep the tool free of dependencies.
struct EvalOptions {
    static let usage = """
        usage: presswork-eval [FOLDER] [--json] [--worst N] [--floor FILE] [--fields-gold FILE]
                              [--quotes-gold FILE] [--text-only] [--misses] [--half A|B] [--type TYPE]
                              [--field-misses] [--page-features FILE] [--restyle STYLE]
          FOLDER             an AEB-style folder: html/<id>.html and gold/<id>.json (with "articleBody");
                             default ../shared/corpus/aeb beside the package root; or a WCXB-style
                             folder: html/<id>.html.gz and ground-truth/<id>.json (WCXB's metric:
                             mean over pages of word-bag P/R/F1, per page type and domain half, the
                             snippets, title/author/date and the page-type confusion matrix)
          --half A|B         WCXB: only the pages of one domain half (develop on one, check the other)
          --type TYPE        WCXB: only the pages of one page type
          --json             print the summary as JSON instead of a table
          --worst N          how many of the worst pages to list (default 20)
          --floor F          fail (exit 1) when a score is below the floor in F, e.g.
                             {"text": {"f1": 0.955}, "fields": {"published": 0.9}}
          --fields-gold F    field gold set, JSON Lines (default Tests/ArticlePipelineTests/Gold/fields.jsonl)
          --quotes-gold F    quote/entity gold set (default Tests/ArticlePipelineTests/Gold/quotes-entities.jsonl);
                             with a WCXB folder, score only this gold set of WCXB pages (e.g.
                             Tests/ArticlePipelineTests/Gold/wcxb-entities.jsonl) on their ground-truth
                             text and end to end on their HTML
          --text-only        score the main text only, not the gold sets' fields, quotes and entities
          --misses           list every gold-set miss (page, field, got, expected) on stderr
          --field-misses     WCXB: list every title/author/date miss and every field given where the
                             gold has none (id, half, field, got, gold; tab-separated) on stderr
          --page-features F  write every page's page-type features to F (JSON Lines, the input of
                             tools/pagetype/train.py) and stop; AEB pages are labelled article
          --restyle STYLE    score every page rewritten in another markup style, its text and gold
                             unchanged: breaks, font, divs, list-items, html4, no-class-names,
                             dense-links or old (html4 + font + a layout table): how far the
                             extraction depends on the markup habits of the development pages
        """

    var folder = ""
    var json = false
    var worst = 20
    var floorFile: String?
    var fieldsGold = PackagePaths.fieldsGold
    var quotesGold = PackagePaths.quotesGold
    /// `--quotes-gold` was given (with a WCXB folder it selects the quote/entity gold run).
    var quotesGoldGiven = false
    var textOnly = false
    var misses = false
    var fieldMisses = false
    var half: String?
    var pageType: String?
    var pageFeaturesFile: String?
    /// Hidden: write the text content of our parse tree of every page into this folder, for the
    /// differential test against a reference parser.
    var dumpTextFolder: String?
    /// Hidden: write every page's record as a JSON line into this file (see `RecordDump`).
    var dumpRecordsFile: String?
    /// Hidden: write every page's extracted text into this folder, to study the worst pages.
    var dumpOutputFolder: String?
    var restyle: MarkupRestyle?

    struct UsageError: Error {
        var message: String
    }

    init(arguments: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--json": json = true
            case "--worst":
                guard let value = rest.popFirst().flatMap({ Int($0) }), value >= 0 else {
                    throw UsageError(message: "--worst needs a number")
                }
                worst = value
            case "--floor": floorFile = try Self.value(of: argument, from: &rest, kind: "a file")
            case "--fields-gold": fieldsGold = try Self.value(of: argument, from: &rest, kind: "a file")
            case "--quotes-gold":
                quotesGold = try Self.value(of: argument, from: &rest, kind: "a file")
                quotesGoldGiven = true
            case "--text-only": textOnly = true
            case "--misses": misses = true
            case "--field-misses": fieldMisses = true
            case "--half":
                let value = try Self.value(of: argument, from: &rest, kind: "A or B").uppercased()
                guard value == "A" || value == "B" else { throw UsageError(message: "--half needs A or B") }
                half = value
            case "--type": pageType = try Self.value(of: argument, from: &rest, kind: "a page type")
            case "--page-features":
                pageFeaturesFile = try Self.value(of: argument, from: &rest, kind: "a file")
            case "--dump-text": dumpTextFolder = try Self.value(of: argument, from: &rest, kind: "a folder")
            case "--dump-records":
                dumpRecordsFile = try Self.value(of: argument, from: &rest, kind: "a file")
            case "--dump-output":
                dumpOutputFolder = try Self.value(of: argument, from: &rest, kind: "a folder")
            case "--restyle":
                let name = try Self.value(of: argument, from: &rest, kind: "a style")
                guard let style = MarkupRestyle(rawValue: name) else {
                    let styles = MarkupRestyle.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError(message: "--restyle needs one of \(styles)")
                }
                restyle = style
            case "-h", "--help": throw UsageError(message: Self.usage)
            default:
                guard !argument.hasPrefix("-"), folder.isEmpty else {
                    throw UsageError(message: "unexpected argument \(argument)\n\(Self.usage)")
                }
                folder = argument
            }
        }
        if folder.isEmpty { folder = PackagePaths.corpus }
    }

    /// The value after an option, or a usage error naming what the option needs.
    private static func value(
        of option: String, from rest: inout ArraySlice<String>, kind: String
    ) throws(UsageError) -> String {
        guard let value = rest.popFirst() else { throw UsageError(message: "\(option) needs \(kind)") }
        return value
    }
}
