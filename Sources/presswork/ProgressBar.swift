import Cluster
import Foundation

/// One line of progress on standard error, redrawn in place when it is a terminal.
struct ProgressBar {
    let isTerminal = isatty(STDERR_FILENO) == 1
    var lastPlain = Date.distantPast

    mutating func draw(_ status: RunStatus) {
        let line = Self.line(status)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
        } else if Date().timeIntervalSince(lastPlain) >= 5 {
            FileHandle.standardError.write(Data((line + "\n").utf8))
            lastPlain = Date()
        }
    }

    mutating func end() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func line(_ status: RunStatus) -> String {
        let total = status.articlesTotalEstimate
        let done = status.articlesCommitted
        var bar = ""
        if let total, total > 0 {
            let width = 24
            let filled = min(width, Int(Double(width) * Double(done) / Double(total)))
            bar =
                "[" + String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
                + "] "
        }
        var text =
            bar + "\(done)" + (total.map { status.inputDone ? "/\($0)" : "/~\($0)" } ?? "") + " articles"
        text += "  \(Format.rate(status.recentArticlesPerSecond))/s"
        text += "  \(String(format: "%.1f", status.megabytesPerSecond)) MB/s"
        if let eta = status.etaSeconds { text += "  ETA \(Format.seconds(eta))" }
        if status.articlesFailed > 0 { text += "  failed \(status.articlesFailed)" }
        text += "  workers \(status.workers.count)"
        return text
    }
}
