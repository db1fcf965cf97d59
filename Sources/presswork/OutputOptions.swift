import ArgumentParser
import ScrapeIO

/// Options of the output shards, shared by `run` and `collector`; each also comes from a
/// `PRESSWORK_*` environment variable or the config file (see `SettingsResolver`).
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("output")],
        help: "Output directory for the shards and manifest (env PRESSWORK_OUTPUT).")
    var output: String?

    @Option(help: "Number of shards; records go to a shard by hash of their id (default 16).")
    var shards: Int?

    @Option(help: "Shard compression: none, gzip or zstd (default gzip).")
    var compression: String?

    @Option(help: "Compression level (default: gzip 1, zstd 3: fast enough never to slow a worker).")
    var level: Int?

    /// The output settings after flags, environment and config file.
    struct Resolved {
        var directory: String
        var shards: ShardSettings
    }

    func resolve(_ resolver: SettingsResolver) throws -> Resolved {
        guard let directory = resolver.optionalString("output", flag: output) else {
            throw ValidationError("give the output directory with -o/--output (or PRESSWORK_OUTPUT)")
        }
        var settings = ShardSettings()
        settings.shards = try resolver.int("shards", flag: shards, default: settings.shards)
        guard settings.shards >= 1 && settings.shards <= 100_000 else {
            throw ValidationError("--shards must be 1…100000")
        }
        let name = resolver.string("compression", flag: compression, default: "gzip")
        guard let codec = OutputCompression(rawValue: name) else {
            throw ValidationError("--compression must be none, gzip or zstd")
        }
        settings.compression = codec
        if let text = resolver.optionalString("level", flag: level.map(String.init)) {
            guard let value = Int(text) else { throw ValidationError("level must be a whole number") }
            settings.level = value
        }
        return Resolved(directory: directory, shards: settings)
    }
}
