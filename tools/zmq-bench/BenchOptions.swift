/// `--name value` pairs from the command line, parsed by hand to keep the tool dependency-free.
struct BenchOptions {
    struct UsageError: Error {
        let message: String
    }

    private var values: [String: String] = [:]

    init(parsing arguments: [String]) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else {
                throw UsageError(message: "expected '--name value', got '\(name)'")
            }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
    }

    func string(_ name: String, default fallback: String? = nil) throws(UsageError) -> String {
        guard let value = values[name] ?? fallback else { throw UsageError(message: "missing --\(name)") }
        return value
    }

    func integer(_ name: String, default fallback: Int) throws(UsageError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else {
            throw UsageError(message: "--\(name) needs a positive integer, got '\(text)'")
        }
        return value
    }

    func integers(_ name: String, default fallback: [Int]) throws(UsageError) -> [Int] {
        guard let text = values[name] else { return fallback }
        let parsed = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !parsed.isEmpty, parsed.count == text.split(separator: ",").count else {
            throw UsageError(message: "--\(name) needs positive integers separated by commas, got '\(text)'")
        }
        return parsed
    }
}
