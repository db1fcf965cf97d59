import ArgumentParser
import ScrapeIO

/// Options of the output shards, shared by `run` and `collector`.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Output directory for the shards and manifest.")
    var output: String

    @Option(help: "Number of shards (records go to a shard by hash of their id).")
    var shards: Int = 16

    @Option(help: "Shard compression: none, gzip or zstd.")
    var compression: String = "gzip"

    @Option(help: "Compression level (default: gzip 1, zstd 3: fast enough never to slow a worker).")
    var level: Int?

    func validate() throws {
        guard shards >= 1 && shards <= 100_000 else { throw ValidationError("--shards must be 1…100000") }
        guard OutputCompression(rawValue: compression) != nil else {
            throw ValidationError("--compression must be none, gzip or zstd")
        }
    }

    var shardSettings: ShardSettings {
        var settings = ShardSettings()
        settings.shards = shards
        settings.compression = OutputCompression(rawValue: compression) ?? .gzip
        settings.level = level
        return settings
    }
}
