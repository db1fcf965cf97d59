/// Command-line options of `presswork-eval`, read by hand to keep the tool free of dependencies.
struct EvalOptions {
    static let usage = """
        usage: presswork-eval FOLDER [--json] [--worst N] [--floor FILE]
          FOLDER      an AEB-style folder: html/<id>.html and gold/<id>.json (with "articleBody")
          --json      print the summary as JSON instead of a table
          --worst N   how many of the worst pages to list (default 20)
          --floor F   fail (exit 1) when a score is below the floor in F, e.g. {"text": {"f1": 0.955}}
        """

    var folder = ""
    var json = false
    var worst = 20
    var floorFile: String?
    /// Hidden: write the text content of our parse tree of every page into this folder, for the
    /// differential test against a reference parser.
    var dumpTextFolder: String?
    /// Hidden: write every page's extracted text into this folder, to study the worst pages.
    var dumpOutputFolder: String?

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
            case "--floor":
                guard let value = rest.popFirst() else { throw UsageError(message: "--floor needs a file") }
                floorFile = value
            case "--dump-text":
                guard let value = rest.popFirst() else {
                    throw UsageError(message: "--dump-text needs a folder")
                }
                dumpTextFolder = value
            case "--dump-output":
                guard let value = rest.popFirst() else {
                    throw UsageError(message: "--dump-output needs a folder")
                }
                dumpOutputFolder = value
            case "-h", "--help": throw UsageError(message: Self.usage)
            default:
                guard !argument.hasPrefix("-"), folder.isEmpty else {
                    throw UsageError(message: "unexpected argument \(argument)\n\(Self.usage)")
                }
                folder = argument
            }
        }
        guard !folder.isEmpty else { throw UsageError(message: Self.usage) }
    }
}
