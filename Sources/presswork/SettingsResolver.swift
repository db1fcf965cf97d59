import ArgumentParser
import Foundation

/// The one place that reads settings: a flag given on the command line wins, then a `PRESSWORK_*`
/// environment variable, then the config file, then the default.
///
/// The config file (`--config FILE` or `PRESSWORK_CONFIG`) has one `key = value` per line, `#` for
/// comments; keys are flag names (`status-bind`, `max-attempts`) or their environment form
/// (`PRESSWORK_STATUS_BIND`), so one file serves as a systemd `EnvironmentFile` too.
struct SettingsResolver {
    private let environment: [String: String]
    private let file: [String: String]
    let configPath: String?

    init(configPath: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.environment = environment
        self.configPath = configPath ?? environment["PRESSWORK_CONFIG"]
        guard let path = self.configPath else {
            file = [:]
            return
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("cannot read the config file \(path)")
        }
        var values: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ValidationError("\(path):\(number + 1): expected key = value")
            }
            let key = Self.normalise(String(line[..<equals]))
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        file = values
    }

    /// `status-bind`, `STATUS_BIND` and `PRESSWORK_STATUS_BIND` all name the key `status_bind`.
    static func normalise(_ key: String) -> String {
        var name = key.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(
            of: "-", with: "_")
        if name.hasPrefix("presswork_") { name.removeFirst("presswork_".count) }
        return name
    }

    /// The value of `key` from the environment or the config file, when either gives one.
    func lookup(_ key: String) -> String? {
        let name = Self.normalise(key)
        return environment["PRESSWORK_" + name.uppercased()] ?? file[name]
    }

    /// A setting whose names are a standard outside Presswork (`AWS_REGION`, `AWS_DEFAULT_REGION`):
    /// the first of those environment variables set, else the first `PRESSWORK_` form or config
    /// file key (`aws-region`) set; empty is unset.
    func standard(_ names: String...) -> String? {
        let given = { (value: String?) in value?.isEmpty == false ? value : nil }
        return names.lazy.compactMap { given(environment[$0]) }.first
            ?? names.lazy.compactMap { given(lookup($0)) }.first
    }

    func string(_ key: String, flag: String?, default value: String) -> String {
        flag ?? lookup(key) ?? value
    }

    func optionalString(_ key: String, flag: String?) -> String? {
        flag ?? lookup(key)
    }

    func int(_ key: String, flag: Int?, default value: Int) throws -> Int {
        if let flag { return flag }
        guard let text = lookup(key) else { return value }
        guard let number = Int(text) else {
            throw ValidationError("\(key) must be a whole number, not '\(text)'")
        }
        return number
    }

    func bool(_ key: String, flag: Bool, default value: Bool = false) throws -> Bool {
        if flag { return true }
        guard let text = lookup(key)?.lowercased() else { return value }
        switch text {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off", "": return false
        default: throw ValidationError("\(key) must be true or false, not '\(text)'")
        }
    }
}

extension SettingsResolver {
    /// A non-negative number (fractions allowed), from the flag, the environment or the file.
    func number(_ key: String, flag: Double?, default value: Double) throws -> Double {
        if let flag { return flag }
        guard let text = lookup(key) else { return value }
        guard let number = Double(text), number.isFinite, number >= 0 else {
            throw ValidationError("\(key) must be a number ≥ 0, not '\(text)'")
        }
        return number
    }

    /// A number of seconds (fractions allowed), from the flag, the environment or the file.
    func seconds(_ key: String, flag: Double?, default value: Double) throws -> Double {
        if let flag { return flag }
        guard let text = lookup(key) else { return value }
        guard let number = Double(text), number.isFinite, number >= 0 else {
            throw ValidationError("\(key) must be a number of seconds, not '\(text)'")
        }
        return number
    }
}
