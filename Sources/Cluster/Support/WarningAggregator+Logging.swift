import Logging

extension WarningAggregator {
    /// Logs a warning of `kind` now when it is the first of its kind in the window, else counts it.
    /// `detail` is escaped here: it may hold anything a peer sent.
    mutating func warn(_ kind: String, detail: String, logger: Logger, now: Moment = .now()) {
        let safe = LogText.escaped(detail, limit: 200)
        if record(kind, detail: safe, now: now) {
            logger.warning("\(kind)", metadata: ["detail": "\(safe)"])
        }
        report(to: logger, now: now)
    }

    /// Logs the summaries of a window that has ended (call it on every turn of a role's loop).
    mutating func report(to logger: Logger, now: Moment = .now()) {
        for summary in flush(now: now) {
            logger.warning(
                "\(summary.kind): \(summary.suppressed) more in the last \(Int(window.seconds)) s",
                metadata: ["last": "\(summary.lastDetail)"])
        }
    }
}
