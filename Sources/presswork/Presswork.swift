import ArgumentParser

/// The `presswork` command: one subcommand per file, shared options in `GlobalOptions`.
@main
struct Presswork: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presswork",
        abstract: "Turn a web scrape of news pages into clean, structured article records.",
        discussion: """
            Start with `presswork run SCRAPE… -o OUT`: it starts a coordinator, a collector and workers \
            on this machine and writes sharded JSON Lines to OUT. For many machines, start the \
            `coordinator`, `collector` and `worker` roles yourself and watch them with `status`.

            Exit codes: 0 all articles written; 2 finished, but some articles failed (see the \
            dead-letter shard); 64 usage error; 1 fatal error (nothing or only part was written).
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, ExtractCommand.self, CoordinatorCommand.self, WorkerCommand.self,
            CollectorCommand.self, StatusCommand.self, KeygenCommand.self,
        ]
    )

    static func main() {
        MallocTuning.apply()
        main(nil)
    }
}
