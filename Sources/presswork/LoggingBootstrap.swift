import Logging
import Synchronization

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
