import ArgumentParser
import Logging
import RemoteIO
import ScrapeIO

/// `--paths FILE` and `--base URL`: inputs from a listing, as a public crawl publishes them; and
/// how remote (http, https) inputs are fetched.
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

    /// The split size in bytes (nil: no splits), from `--split-mb` (default 64).
    func splitBytes(resolver: SettingsResolver) throws -> UInt64? {
        let megabytes = try resolver.number("split-mb", flag: splitMb, default: 64)
        guard megabytes.isFinite, megabytes >= 0, megabytes <= 1_048_576 else {
            throw ValidationError("split-mb must be 0…1048576")
        }
        guard megabytes > 0 else { return nil }
        return max(1, UInt64(megabytes * 1_048_576))
    }

    /// How remote inputs (and a remote listing) are fetched.
    func remote(resolver: SettingsResolver) throws -> RemoteSettings {
        var settings = RemoteSettings()
        settings.retry.maxAttempts = try resolver.int(
            "fetch-attempts", flag: fetchAttempts, default: settings.retry.maxAttempts)
        guard settings.retry.maxAttempts >= 1 && settings.retry.maxAttempts <= 100 else {
            throw ValidationError("fetch-attempts must be 1…100")
        }
        return settings
    }

    /// `given` followed by the inputs of the listing (flag, else `PRESSWORK_PATHS`, else config).
    func inputs(given: [String], resolver: SettingsResolver, logger: Logger) throws -> [String] {
        let base = resolver.optionalString("base", flag: base)
        guard let listing = resolver.optionalString("paths", flag: paths) else {
            if base != nil { throw ValidationError("--base resolves the lines of --paths: give --paths too") }
            return given
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
        return given + listed
    }
}
