import ArgumentParser

/// `--config FILE`: settings for the roles from a file (see `SettingsResolver`).
struct ConfigOptions: ParsableArguments {
    @Option(help: "A config file of `key = value` lines (env PRESSWORK_CONFIG); flags and env win over it.")
    var config: String?

    func resolver() throws -> SettingsResolver { try SettingsResolver(configPath: config) }
}
