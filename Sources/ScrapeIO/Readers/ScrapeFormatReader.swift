import ArticlePipeline
import Logging

/// A reader of one input of one format (WARC, JSON Lines, a single document).
protocol ScrapeFormatReader: AnyObject {
    /// The next item of this input, nil at its end. Never throws: problems become `.failure` items.
    func next() -> ScrapeItem?
}

/// What every format reader of one `ScrapeInputReader` shares: settings, logger and skip counts.
final class ScrapeReadContext {
    let settings: ReaderSettings
    let logger: Logger
    private(set) var skipped: [String: Int] = [:]

    init(settings: ReaderSettings, logger: Logger) {
        self.settings = settings
        self.logger = logger
    }

    /// Counts one record passed over on purpose, under a short key (a WARC-Type or a reason).
    func skip(_ key: String) {
        skipped[key, default: 0] += 1
    }

    /// A failure item, logged at debug level (failures are counted and dead-lettered, not fatal).
    func failure(_ source: SourceLocation, _ reason: String) -> ScrapeItem {
        logger.debug(
            "unreadable record", metadata: ["source": "\(source.description)", "reason": "\(reason)"])
        return .failure(ReadFailure(source: source, reason: reason))
    }

    /// The reason text for a record over the size cap.
    func tooLargeReason(_ size: Int?) -> String {
        let shown = size.map { "\($0)" } ?? "more than \(settings.maxRecordBytes)"
        return "record exceeds maxRecordBytes (\(shown) bytes, limit \(settings.maxRecordBytes))"
    }
}
