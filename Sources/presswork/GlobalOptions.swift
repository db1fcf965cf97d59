import ArgumentParser
import Foundation
import Logging
import Synchronization

/// Options every subcommand takes: logging.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: "Log level: trace, debug, info, notice, warning, error, critical (env PRESSWORK_LOG_LEVEL).")
    var logLevel: String = ProcessInfo.processInfo.environment["PRESSWORK_LOG_LEVEL"] ?? "warning"

    @Option(help: "Log format on standard error: text or json (env PRESSWORK_LOG_FORMAT).")
    var logFormat: String = ProcessInfo.processInfo.environment["PRESSWORK_LOG_FORMAT"] ?? "text"

    /// Bootstraps swift-log once for the process (only the executable does this) and returns a logger.
    func logger(label: String) throws -> Logger {
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        guard ["text", "json"].contains(logFormat) else {
            throw ValidationError("--log-format must be text or json")
        }
        LoggingBootstrap.once(level: level, json: logFormat == "json")
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// Makes sure `LoggingSystem.bootstrap` runs at most once, logging to standard error.
enum LoggingBootstrap {
    private static let done = Mutex(false)

    static func once(level: Logger.Level, json: Bool) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label, logLevel: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
