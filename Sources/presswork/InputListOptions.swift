import ArgumentParser
import Foundation
import Logging
import RemoteIO
import ScrapeIO

/// `--paths FILE` and `--base URL`: inputs from a listing, as a public crawl publishes them;
/// `s3://bucket/prefix/` (or a glob) inputs expanded to the objects they name; and how remote
/// (http, https, s3) inputs are fetched.
struct InputListOptions: ParsableArguments {
    @Option(
        help: """
            A listing of inputs, one path or URL a line (plain or .gz, local or http(s); `#` comments), \
            e.g. a crawl's warc.paths.gz; read after the INPUT arguments.
            """)
    var paths: String?

    @Option(help: "Prefix for the relative lines of --paths: a URL (https://host/) or a folder.")
    var base: String?

    @Option(help: "Requests in a row that may fail before a remote input is given up (default 6).")
    var fetchAttempts: Int?

    @Option(
        help: """
            Cut local .warc.gz inputs into split jobs of this many MB, each read by a worker (the \
            coordinator does not read them; needs jobs by reference). 0: no splits (default 64).
            """)
    var splitMb: Double?

    @Flag(
        help: """
            Split http(s) and s3:// .warc.gz inputs too, the default (a HEAD request each for the \
            size): workers fetch their splits with Range requests, the coordinator reads none of it.
            """)
    var splitRemote = false

    @Flag(
        help: """
            Stream http(s) and s3:// inputs through the coordinator instead of splitting them (for a \
            server without byte ranges; env PRESSWORK_SPLIT_REMOTE=false).
            """)
    var noSplitRemote = false

    @Option(
        help: """
            A CDX index (plain or .gz, local or http(s); repeatable): process only the records its \
            lines name and the filters below admit, each read by a worker (needs jobs by reference); \
            relative file names are joined to --base.
            """)
    var cdx: [String] = []

    @Option(help: "With --cdx: only records of this host or its subdomains (repeatable).")
    var domain: [String] = []

    @Option(help: "With --cdx: only records whose URL contains a match of this regular expression.")
    var urlRegex: String?

    @Option(help: "With --cdx: only records of this media type, e.g. text/html (repeatable).")
    var mime: [String] = []

    @Option(help: "With --cdx: only records with this HTTP status, e.g. 200 (repeatable).")
    var status: [String] = []

    @Option(help: "With --cdx: only records in this language, as the index codes it, e.g. eng (repeatable).")
    var language: [String] = []

    @Option(
        help: "With --cdx: selected records of one file a job carries, at most (default 32; 1: a job each).")
    var cdxJobRecords: Int?

    @Option(
        help: "With --cdx: MB of records a job carries, at most (default 8; a larger record is a job alone).")
    var cdxJobMb: Double?

    @OptionGroup var s3: S3Options

    /// A list option: the flags, else a comma-separated value from the environment or the file.
    private func list(_ key: String, _ flags: [String], _ resolver: SettingsResolver) -> [String] {
        if !flags.isEmpty { return flags }
        return resolver.lookup(key)?.split(separator: ",").map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty } ?? []
    }

    /// The CDX indexes and the record filters.
    func cdxSelection(resolver: SettingsResolver) throws -> CdxSelection {
        var selection = CdxSelection()
        selection.indexes = Set(list("cdx", cdx, resolver))
        selection.base = resolver.optionalString("base", flag: base)
        selection.domains = list("domain", domain, resolver).map { $0.lowercased() }
        selection.urlPattern = resolver.optionalString("url-regex", flag: urlRegex)
        selection.mimes = list("mime", mime, resolver)
        selection.statuses = list("status", status, resolver)
        selection.languages = list("language", language, resolver)
        selection.jobRecords = try resolver.int(
            "cdx-job-records", flag: cdxJobRecords, default: selection.jobRecords)
        guard (1...10_000).contains(selection.jobRecords) else {
            throw ValidationError("cdx-job-records must be 1…10000")
        }
        let jobMB = try resolver.number(
            "cdx-job-mb", flag: cdxJobMb, default: Double(selection.jobBytes) / 1_048_576)
        guard jobMB.isFinite, jobMB > 0, jobMB <= 1_024 else {
            throw ValidationError("cdx-job-mb must be 0…1024")
        }
        selection.jobBytes = max(1, UInt64(jobMB * 1_048_576))
        if let pattern = selection.urlPattern {
            do {
                _ = try Regex(pattern)
            } catch {
                throw ValidationError("url-regex is not a regular expression: \(error)")
            }
        }
        let filtered =
            !selection.domains.isEmpty || selection.urlPattern != nil || !selection.mimes.isEmpty
            || !selection.statuses.isEmpty || !selection.languages.isEmpty
        if filtered && selection.indexes.isEmpty {
            throw ValidationError(
                "--domain, --url-regex, --mime, --status and --language filter a --cdx index: give --cdx")
        }
        return selection
    }

    /// The split size in bytes (nil: no splits), from `--split-mb` (default 64).
    func splitBytes(resolver: SettingsResolver) throws -> UInt64? {
        let megabytes = try resolver.number("split-mb", flag: splitMb, default: 64)
        guard megabytes.isFinite, megabytes >= 0, megabytes <= 1_048_576 else {
            throw ValidationError("split-mb must be 0…1048576")
        }
        guard megabytes > 0 else { return nil }
        return max(1, UInt64(megabytes * 1_048_576))
    }

    /// Whether remote `.warc.gz` inputs are cut into split jobs: yes unless `--no-split-remote` or
    /// `split-remote` false in the environment or the file.
    func splitsRemote(resolver: SettingsResolver) throws -> Bool {
        if noSplitRemote && splitRemote { throw ValidationError("give --split-remote or --no-split-remote") }
        if noSplitRemote { return false }
        return try resolver.bool(
            "split-remote", flag: splitRemote, default: ReaderSettings().splitsRemoteFiles)
    }

    /// How remote inputs (and a remote listing) are fetched.
    func remote(resolver: SettingsResolver) throws -> RemoteSettings {
        var settings = RemoteSettings()
        settings.retry.maxAttempts = try resolver.int(
            "fetch-attempts", flag: fetchAttempts, default: settings.retry.maxAttempts)
        guard settings.retry.maxAttempts >= 1 && settings.retry.maxAttempts <= 100 else {
            throw ValidationError("fetch-attempts must be 1…100")
        }
        settings.s3 = try s3.settings(resolver: resolver)
        return settings
    }

    /// `given` followed by the inputs of the listing (flag, else `PRESSWORK_PATHS`, else config),
    /// each `s3://` prefix or glob among them replaced by the objects it names (CDX indexes are
    /// named one by one: they stay as given).
    func inputs(given: [String], resolver: SettingsResolver, logger: Logger) throws -> [String] {
        try expandingS3Listings(
            in: try listedInputs(given: given, resolver: resolver, logger: logger),
            resolver: resolver, logger: logger)
    }

    private func expandingS3Listings(
        in inputs: [String], resolver: SettingsResolver, logger: Logger
    ) throws
        -> [String]
    {
        guard inputs.contains(where: { S3Location($0)?.isListing == true }) else { return inputs }
        let settings = try remote(resolver: resolver)
        let indexes = Set(list("cdx", cdx, resolver))
        var expanded: [String] = []
        for input in inputs {
            guard !indexes.contains(input), let location = S3Location(input), location.isListing else {
                expanded.append(input)
                continue
            }
            do {
                let objects = try S3ObjectListing.urls(of: location, settings: settings, logger: logger)
                if objects.isEmpty { logger.warning("no s3 object matches", metadata: ["input": "\(input)"]) }
                expanded += objects
            } catch {
                throw ValidationError("cannot list \(input): \(error)")
            }
        }
        return expanded
    }

    private func listedInputs(given: [String], resolver: SettingsResolver, logger: Logger) throws -> [String]
    {
        let base = resolver.optionalString("base", flag: base)
        let indexes = list("cdx", cdx, resolver)
        guard let listing = resolver.optionalString("paths", flag: paths) else {
            if base != nil && indexes.isEmpty {
                throw ValidationError("--base resolves the lines of --paths or --cdx: give one of them")
            }
            return given + indexes
        }
        let listed: [String]
        do {
            listed = try PathListing.read(
                listing, base: base, remote: try remote(resolver: resolver), logger: logger)
        } catch let error as PathListingError {
            throw ValidationError(error.description)
        }
        if listed.isEmpty {
            logger.warning("the path listing names no input", metadata: ["paths": "\(listing)"])
        }
        return given + listed + indexes
    }
}
