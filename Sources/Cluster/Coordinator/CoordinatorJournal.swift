import Foundation

/// The coordinator's append-only journal (`journal.jsonl` in the journal directory): the run's
/// settings, every commit with the input watermark, re-queued jobs, and the end of the run. One JSON
/// object per line, fsynced; a torn last line (a crash mid-write) is ignored when reading.
public final class CoordinatorJournal {
    /// The settings a resumed run must share with the run it continues.
    public struct RunSettings: Codable, Sendable, Equatable {
        public var inputs: [String]
        public var batchSize: Int
        public var maxArticleBytes: Int
        /// The split size when WARC.gz files were cut into split jobs (absent: none were).
        public var splitBytes: UInt64? = nil
        /// The CDX filters when records were selected from an index (absent: none were).
        public var cdxSelection: String? = nil
    }

    /// One line of the journal.
    public struct Entry: Codable, Sendable {
        public var t: String
        public var at: Double
        public var settings: RunSettings?
        public var jobs: [String]?
        public var watermarkJob: Int?
        public var watermarkItems: Int?
        /// The items (records and dead letters) of the split jobs this entry commits: a resumed run
        /// cannot count them otherwise.
        public var splitItems: [String: Int]?
        public var reason: String?

        public init(
            _ kind: String, settings: RunSettings? = nil, jobs: [String]? = nil, reason: String? = nil
        ) {
            t = kind
            at = Date().timeIntervalSince1970
            self.settings = settings
            self.jobs = jobs
            self.reason = reason
        }
    }

    /// What a journal says about the run it recorded.
    public struct Recovered: Sendable, Equatable {
        public var settings: RunSettings?
        public var committed: Set<String> = []
        public var watermark = InputWatermark()
        public var requeues = 0
        public var finished = false
        /// Items of every committed split job, by job id.
        public var splitItems: [String: Int] = [:]
        public var isEmpty: Bool { settings == nil }
    }

    public let path: String
    private let handle: FileHandle

    public init(directory: String) throws(ClusterError) {
        path = (directory as NSString).appendingPathComponent("journal.jsonl")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
        } catch {
            throw ClusterError("cannot open the journal at \(path): \(error)")
        }
    }

    deinit { try? handle.close() }

    /// Appends one entry and makes it durable.
    public func append(_ entry: Entry) throws(ClusterError) {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        do {
            var data = try encoder.encode(entry)
            data.append(0x0A)
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            throw ClusterError("cannot write the journal at \(path): \(error)")
        }
    }

    /// Reads the journal in `directory` (an absent journal is an empty one).
    public static func recover(directory: String) throws(ClusterError) -> Recovered {
        let path = (directory as NSString).appendingPathComponent("journal.jsonl")
        guard let data = FileManager.default.contents(atPath: path) else { return Recovered() }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        var state = Recovered()
        for line in data.split(separator: 0x0A) {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else { continue }
            switch entry.t {
            case "start":
                if let settings = entry.settings, let known = state.settings, known != settings {
                    throw ClusterError("the journal at \(path) mixes runs with different settings")
                }
                state.settings = entry.settings ?? state.settings
            case "committed":
                state.committed.formUnion(entry.jobs ?? [])
                state.splitItems.merge(entry.splitItems ?? [:]) { $1 }
                if let job = entry.watermarkJob, let items = entry.watermarkItems, job >= state.watermark.job
                {
                    state.watermark = InputWatermark(job: job, items: items)
                }
            case "requeued":
                state.requeues += 1
            case "finished":
                state.finished = true
            default:
                continue
            }
        }
        return state
    }
}
