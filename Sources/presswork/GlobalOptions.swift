import ArgumentParser
import Foundation
import Logging
import Synchronization

/// Options every subcommand takes: logging.
struct GlobalOptions: ParsableArguments {
    @Option(
        help: "Log level: trace, debug, info, notice, warning, error, critical (env PRESSWORK_LOG_LEVEL).")
    var logLevel: String = ProcessInfo.processInfo.environment["PRESSWORK_LOG_LEVEL"] ?? "warning"

    /// Bootstraps swift-log once for the process (only the executable does this) and returns a logger.
    func logger(label: String) throws -> Logger {
        guard let level = Logger.Level(rawValue: logLevel.lowercased()) else {
            throw ValidationError("unknown log level '\(logLevel)'")
        }
        LoggingBootstrap.once(level: level)
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}

/// Makes sure `LoggingSystem.bootstrap` runs at most once, logging to standard error.
enum LoggingBootstrap {
    private static let done = Mutex(false)

    static func once(level: Logger.Level) {
        let first = done.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
