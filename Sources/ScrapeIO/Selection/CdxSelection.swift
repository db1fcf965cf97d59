/// Which records of a crawl to process, chosen from its CDX index (`--cdx`): every filter given
/// must hold (an empty list or nil filter admits everything). Settings, no I/O.
public struct CdxSelection: Sendable {
    /// Inputs that are CDX indexes, not scrapes: their lines name records (file, offset, length).
    public var indexes: Set<String> = []
    /// Put in front of relative `filename`s (a URL or a folder), as `--base` does for `--paths`.
    public var base: String?
    /// Host names: a record's host equals one, or ends with `.` and one (`example.org` admits
    /// `news.example.org`).
    public var domains: [String] = []
    /// A pattern the URL must contain a match of.
    public var urlPattern: String?
    /// Media types: the CDX `mime` or `mime-detected` equals one.
    public var mimes: [String] = []
    /// HTTP statuses, as the CDX writes them (`200`).
    public var statuses: [String] = []
    /// Languages (the CDX's ISO 639-3 codes, e.g. `eng`): one of the record's is among them.
    public var languages: [String] = []
    /// Selected records of one file a job may carry (`--cdx-job-records`): the records of a file
    /// are gathered into one job until it holds this many or `jobBytes`. 1: a job per record.
    public var jobRecords = 32
    /// Bytes of records' members a job may carry (`--cdx-job-mb`); a larger record is a job alone.
    public var jobBytes: UInt64 = 8 << 20
    /// Files whose jobs are being gathered at once: past this many, the oldest is handed out as
    /// it is (an index sorted by URL names records of many files in turn).
    public var openFiles = 1_024

    public init() {}

    /// The filters and the batching in one line, for the journal: a resumed run must cut the same
    /// jobs from the same records.
    public var summary: String {
        "base=\(base ?? "-") domains=\(domains) url=\(urlPattern ?? "-") mimes=\(mimes) statuses=\(statuses) "
            + "languages=\(languages) job_records=\(jobRecords) job_bytes=\(jobBytes) open_files=\(openFiles)"
    }

    /// Whether `entry` passes every filter (`pattern` is `urlPattern` compiled).
    func admits(_ entry: CdxEntry, pattern: Regex<AnyRegexOutput>?) -> Bool {
        if !domains.isEmpty {
            let host = Self.host(of: entry.url)
            guard domains.contains(where: { host == $0 || host.hasSuffix("." + $0) }) else { return false }
        }
        if let pattern, entry.url.firstMatch(of: pattern) == nil { return false }
        if !mimes.isEmpty, !mimes.contains(where: { $0 == entry.mime || $0 == entry.detectedMime }) {
            return false
        }
        if !statuses.isEmpty, !statuses.contains(where: { $0 == entry.status }) { return false }
        if !languages.isEmpty, !entry.languages.contains(where: languages.contains) { return false }
        return true
    }

    /// The lower-cased host of an absolute URL (no user, no port), or "" when it has none.
    static func host(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return "" }
        var rest = url[scheme.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") { rest = rest[..<colon] }
        return rest.lowercased()
    }
}
