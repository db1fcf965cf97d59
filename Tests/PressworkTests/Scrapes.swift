import Foundation
import TestSupport

/// Scrapes made by the project's generator (`tools/gen_scrape.py`) from its own sample pages.
enum Scrapes {
    /// Writes `count` articles (a share `broken` of them broken) in `format` to `file` and their
    /// URLs to `urls`; `startDate` is the first fetch date when given.
    static func generate(
        count: Int, format: String, to file: URL, urls: URL, broken: Double = 0, seed: Int = 3,
        startDate: String? = nil
    ) throws {
        let root = PressworkBinary.repositoryRoot
        let status = try CommandLineTool.run(
            [
                "python3", root.appendingPathComponent("tools/gen_scrape.py").path,
                "--pages", root.appendingPathComponent("tools/sample-pages").path,
                "--count", "\(count)", "--format", format, "--broken", "\(broken)", "--seed", "\(seed)",
                "--out", file.path, "--ids-out", urls.path,
            ] + (startDate.map { ["--start-date", $0] } ?? []), quiet: true)
        guard status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    /// The URLs the generator listed in `list` (`--ids-out`), in its order.
    static func urls(listedIn list: URL) throws -> [String] {
        try String(contentsOf: list, encoding: .utf8).split(separator: "\n").map(String.init)
    }
}
