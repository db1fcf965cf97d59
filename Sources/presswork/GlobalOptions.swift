import ArgumentParser
import Logging

/// Options every subcommand takes: logging. Like every setting, each also comes from a
/// `PRESSWORK_*` environment variable or the config file (see `SettingsResolver`).
struct GlobalOptions: ParsableArguments {
    @Option(
        help: """
            Log level: trace, debug, info, notice, warning, error, critical (default warning; env \
            PRESSWORK_LOG_LEVEL).
            """)
    var logLevel: String?

    @Option(help: "Log format on standard error: text or json (default text; env PRESSWORK_LOG_FORMAT).")
    var logFormat: String?

    /// The logging settings after flags, environment and config file.
    struct LogSettings {
        var level: Logger.Level
        /// `text` or `json`.
        var format: String
    }

    func logging(_ resolver: SettingsResolver) throws -> LogSettings {
        let levelName = resolver.string("log-level", flag: logLevel, default: "warning")
        guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ValidationError("unknown log level '\(levelName)'")
        }
        let format = resolver.string("log-format", flag: logFormat, default: "text")
        guard ["text", "json"].contains(format) else {
            throw ValidationError("--log-format must be text or json")
        }
        return LogSettings(level: level, format: format)
    }

    /// Bootstraps swift-log once for the process (only the executable does this) and returns a logger.
    func logger(label: String, resolver: SettingsResolver) throws -> Logger {
        let settings = try logging(resolver)
        LoggingBootstrap.once(level: settings.level, json: settings.format == "json")
        var logger = Logger(label: label)
        logger.logLevel = settings.level
        return logger
    }
}
